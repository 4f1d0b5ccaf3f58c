package com.scalecommerce.orders.cart;

import java.util.List;

/**
 * The extension point for discounts, shipping estimates and tax: every CDI bean implementing this runs on each
 * cart view, in ascending {@link #order()}, and sees the adjustments of the steps before it (a discount before
 * tax, for instance). The cart itself contributes only the subtotal of its lines at products' prices.
 */
public interface CartPricingStep {

    /** Lower runs first. Suggested: discounts 100, shipping 200, tax 300. */
    int order();

    List<CartAdjustment> adjust(PricedCart cart, List<CartAdjustment> earlier);

    /** What a step may read: the owner, the re-priced lines and the subtotal. */
    record PricedCart(CartOwner owner, List<CartView.Line> lines, String currency, long subtotalMinor) {}
}
