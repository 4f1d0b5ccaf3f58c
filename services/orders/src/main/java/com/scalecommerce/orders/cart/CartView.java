package com.scalecommerce.orders.cart;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The cart as priced now. {@code adjustments} come from the {@link CartPricingStep}s (discounts, shipping
 * estimate, tax); {@code totalMinor} is the subtotal of available lines plus every adjustment.
 */
public record CartView(
        List<Line> lines,
        String currency,
        long subtotalMinor,
        int itemCount,
        List<CartAdjustment> adjustments,
        long totalMinor,
        boolean needsAttention) {

    /**
     * One SKU in the cart. {@code priceChanged} says the price differs from the one the shopper saw when adding it
     * ({@code previousUnitPriceMinor}); unavailable lines do not count toward the subtotal.
     */
    public record Line(
            String sku,
            UUID productId,
            String name,
            Map<String, String> options,
            String image,
            Long unitPriceMinor,
            int quantity,
            long lineTotalMinor,
            boolean available,
            boolean priceChanged,
            Long previousUnitPriceMinor) {}
}
