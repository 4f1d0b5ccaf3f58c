package com.scalecommerce.orders.pricing.shipping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record ShippingZone(
        UUID id,
        String name,
        List<Area> areas,
        List<ShippingMethod> methods,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** A country, or one region of it; a blank region means the whole country. */
    public record Area(String country, String region) {}
}
