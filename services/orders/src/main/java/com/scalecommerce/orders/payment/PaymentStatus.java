package com.scalecommerce.orders.payment;

/**
 * Where a payment stands. The rank only grows: webhooks arrive late and out of order, and a
 * {@code payment_failed} delivered after {@code succeeded} describes an earlier attempt, not the present. A
 * decline ranks below success because the customer may still retry the same intent with another card.
 */
public enum PaymentStatus {
    REQUIRES_ACTION(10),
    PROCESSING(20),
    FAILED(25),
    DECLINED(30),
    SUCCEEDED(40),
    PARTIALLY_REFUNDED(50),
    REFUNDED(60);

    private final int rank;

    PaymentStatus(int rank) {
        this.rank = rank;
    }

    boolean supersedes(PaymentStatus other) {
        return rank > other.rank;
    }

    boolean isPaid() {
        return this == SUCCEEDED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}
