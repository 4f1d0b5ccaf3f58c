package com.scalecommerce.orders.cart;

/**
 * An amount a pricing step adds to (positive) or takes off (negative) the cart total, e.g. a discount code, a
 * shipping estimate or tax. {@code code} is stable for clients; {@code label} is for display. An {@code included}
 * adjustment is already inside the prices (tax in a shop whose prices include it): it is shown, but the total
 * does not change by it.
 */
public record CartAdjustment(Kind kind, String code, String label, long amountMinor, boolean included) {

    public enum Kind {
        DISCOUNT,
        SHIPPING,
        TAX
    }

    public CartAdjustment(Kind kind, String code, String label, long amountMinor) {
        this(kind, code, label, amountMinor, false);
    }

    /** What this adjustment changes the total by. */
    long effectOnTotalMinor() {
        return included ? 0 : amountMinor;
    }
}
