package com.scalecommerce.orders.payment;

import java.util.UUID;

/**
 * One charge for one order. Only a payment-method token ({@code pm_...}) travels: card numbers are entered
 * into the gateway's own form and never reach us.
 */
public record PaymentRequest(UUID orderId, long amount, String currency, String paymentMethod) {

    /** The gateway's idempotency key: one order, one payment, however often checkout retries. */
    public String idempotencyKey() {
        return orderId.toString();
    }
}
