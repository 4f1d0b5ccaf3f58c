package com.scalecommerce.orders.cart;

/**
 * An amount a pricing step adds to (positive) or takes off (negative) the cart total, e.g. a discount code, a
 * shipping estimate or tax. {@code code} is stable for clients; {@code label} is for display.
 */
public record CartAdjustment(Kind kind, String code, String label, long amountMinor) {

    public enum Kind {
        DISCOUNT,
        SHIPPING,
        TAX
    }
}
