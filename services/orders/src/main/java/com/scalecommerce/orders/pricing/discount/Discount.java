package com.scalecommerce.orders.pricing.discount;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A discount code as administrators see it, with how often it has been redeemed. */
public record Discount(
        UUID id,
        String code,
        String kind,
        BigDecimal percentOff,
        Long amountOffMinor,
        String currency,
        Long minSubtotalMinor,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        Integer usageLimit,
        Integer perCustomerLimit,
        int used,
        boolean active,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
