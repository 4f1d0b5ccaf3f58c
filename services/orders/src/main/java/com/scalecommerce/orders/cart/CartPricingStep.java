package com.scalecommerce.orders.cart;

import java.util.List;
import java.util.Map;

/**
 * The extension point for discounts, shipping estimates and tax: every CDI bean implementing this runs on each
 * cart view, in ascending {@link #order()}, and sees the adjustments of the steps before it (a discount before
 * tax, for instance). The cart itself contributes only the subtotal of its lines at products' prices.
 */
public interface CartPricingStep {

    /** Lower runs first. Suggested: discounts 100, shipping 200, tax 300. */
    int order();

    List<CartAdjustment> adjust(PricedCart cart, List<CartAdjustment> earlier);

    /**
     * Like {@link #adjust}, for a step that applies the cart's discount code: when the code does not apply any
     * more, the step prices the cart without it and says why, because a cart view must not fail over a code.
     */
    default Priced price(PricedCart cart, List<CartAdjustment> earlier) {
        return new Priced(adjust(cart, earlier), null);
    }

    record Priced(List<CartAdjustment> adjustments, CartView.DiscountProblem discountProblem) {}

    /**
     * What a step may read: the owner, the re-priced lines, the subtotal, each available SKU's unit weight where
     * products knows it, the shopper's discount code and the destination to estimate for (both may be null).
     */
    record PricedCart(
            CartOwner owner,
            List<CartView.Line> lines,
            String currency,
            long subtotalMinor,
            Map<String, Integer> unitWeightGrams,
            String discountCode,
            CartView.Destination destination) {}
}
