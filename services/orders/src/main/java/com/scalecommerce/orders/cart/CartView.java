package com.scalecommerce.orders.cart;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The cart as priced now. {@code adjustments} come from the {@link CartPricingStep}s (discount, shipping
 * estimate, tax); {@code totalMinor} is the subtotal of available lines plus every adjustment that is not
 * {@code included} in the prices already. {@code discountCode} is the code the shopper entered; when it does not
 * apply any more (expired, minimum no longer met) the cart is priced without it and {@code discountProblem}
 * says why. {@code destination} is what the shipping and tax estimate is for: the shopper's choice or the
 * shop's default country; null means no estimate.
 */
public record CartView(
        List<Line> lines,
        String currency,
        long subtotalMinor,
        int itemCount,
        List<CartAdjustment> adjustments,
        long totalMinor,
        boolean needsAttention,
        String discountCode,
        DiscountProblem discountProblem,
        Destination destination) {

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

    /** Why the cart's discount code is not applied: one of the discount problem codes, e.g. DISCOUNT_EXPIRED. */
    public record DiscountProblem(String code, String detail) {}

    /** CHOSEN by the shopper, or the shop's DEFAULT country when the shopper has not chosen yet. */
    public record Destination(String country, String region, Source source) {

        public enum Source {
            CHOSEN,
            DEFAULT
        }
    }
}
