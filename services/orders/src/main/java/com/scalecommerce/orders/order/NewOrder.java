package com.scalecommerce.orders.order;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;

/**
 * A fully priced order as the checkout saga hands it over: every amount already computed, addresses as snapshots.
 * {@code userId} is null for a guest, who is known by {@code email}.
 */
public record NewOrder(
        UUID userId,
        String email,
        String currency,
        long subtotalMinor,
        long discountMinor,
        long shippingMinor,
        long taxMinor,
        long totalMinor,
        JsonNode shippingAddress,
        JsonNode billingAddress,
        String shippingMethod,
        String idempotencyKey,
        String requestHash,
        List<Line> lines) {

    public record Line(
            String sku,
            UUID productId,
            String name,
            JsonNode options,
            long unitPriceMinor,
            int quantity,
            long lineTotalMinor,
            long taxMinor,
            long discountMinor) {}
}
