package com.scalecommerce.products.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Hold stock for a caller, all lines or none. {@code reservationId} is the caller's idempotency key: the same
 * request again returns the first result. {@code ttlSeconds} defaults to the configured hold.
 */
public record ReservationRequest(
        @NotNull @Pattern(regexp = ReservationRequest.ID_PATTERN, message = ReservationRequest.ID_RULE)
        String reservationId,

        @NotEmpty List<@Valid @NotNull Line> lines,
        @Min(1) Integer ttlSeconds,
        @Size(max = 200) String reference) {

    static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";
    static final String ID_RULE =
            "must be 1-100 letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

    public record Line(
            @NotBlank @Size(max = 100) String sku,
            @NotNull @Min(1) @Max(1_000_000) Integer quantity) {}
}
