package com.scalecommerce.users.address;

import java.time.Instant;
import java.util.UUID;

public record Address(
        UUID id,
        String label,
        String recipientName,
        String company,
        String line1,
        String line2,
        String city,
        String region,
        String postalCode,
        String country,
        String phone,
        boolean defaultShipping,
        boolean defaultBilling,
        Instant createdAt,
        Instant updatedAt) {}
