package com.scalecommerce.orders.pricing.tax;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A rate for a country (blank region) or one region of it; the region's rate overrides the country's. */
public record TaxRate(
        UUID id,
        String country,
        String region,
        String name,
        BigDecimal ratePercent,
        boolean shippingTaxable,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
