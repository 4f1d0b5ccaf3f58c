package com.scalecommerce.orders.payment;

import java.util.UUID;

/**
 * Fired (CDI, synchronously, inside the transaction that changed the payment) whenever a payment's status
 * moves, whether from a gateway answer or a webhook. The checkout saga observes it, typically with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}. Internal only: order events are the saga's to
 * publish through the outbox.
 */
public record PaymentStatusChanged(
        UUID paymentId,
        UUID orderId,
        String gateway,
        PaymentStatus previous,
        PaymentStatus status,
        String declineCode,
        long amount,
        String currency,
        long amountRefunded) {}
