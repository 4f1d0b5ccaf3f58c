package com.scalecommerce.users.address;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An address as a client sends it; the whole address is replaced on update. */
public record AddressInput(
        @Size(max = 60) String label,
        @NotBlank @Size(max = 120) String recipientName,
        @Size(max = 120) String company,
        @NotBlank @Size(max = 200) String line1,
        @Size(max = 200) String line2,
        @NotBlank @Size(max = 100) String city,
        @Size(max = 100) String region,

        @NotBlank
        @Size(max = 20)
        @Pattern(regexp = "[A-Za-z0-9 -]+", message = "letters, digits, spaces and dashes only")
        String postalCode,

        @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "an ISO 3166-1 alpha-2 country code")
        String country,

        @Size(max = 30) @Pattern(regexp = "\\+?[0-9 ()./-]{4,30}", message = "a phone number")
        String phone,

        Boolean defaultShipping,
        Boolean defaultBilling) {}
