package com.scalecommerce.orders.checkout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * The body of {@code POST /api/checkout}. The shipping address is either an entry of the customer's address book
 * ({@code shippingAddressId}) or given in full; the billing address defaults to the shipping address. Prices are
 * not part of it: they come from the products service. {@code expectedTotalMinor}, when sent, is the total the
 * shopper saw; a different total is refused with PRICE_CHANGED instead of charging a surprise.
 */
public record CheckoutRequest(
        @Email @Size(max = 254) String email,
        UUID shippingAddressId,
        @Valid Address shippingAddress,
        UUID billingAddressId,
        @Valid Address billingAddress,
        UUID shippingMethodId,
        @Size(max = 64) String discountCode,

        @NotBlank @Pattern(regexp = "pm_[A-Za-z0-9_]{1,200}", message = "must be a payment method token (pm_...)")
        String paymentMethod,

        @PositiveOrZero Long expectedTotalMinor) {

    public record Address(
            @NotBlank @Size(max = 200) String recipientName,
            @Size(max = 200) String company,
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 100) String region,
            @NotBlank @Size(max = 20) String postalCode,

            @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
            String country,

            @Size(max = 40) String phone) {}
}
