package com.scalecommerce.products.inventory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A counted quantity that replaces on hand; a correction always says why. */
public record StockCount(
        @NotNull @Min(0) @Max(Integer.MAX_VALUE) Integer onHand,
        @NotBlank @Size(max = 500) String reason,
        @Size(max = 200) String reference) {}
