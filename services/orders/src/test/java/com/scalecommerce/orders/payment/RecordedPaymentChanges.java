package com.scalecommerce.orders.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Observes payment changes the way the checkout saga will: after the transaction that made them commits. */
@ApplicationScoped
public class RecordedPaymentChanges {

    private final ConcurrentLinkedQueue<PaymentStatusChanged> changes = new ConcurrentLinkedQueue<>();

    void record(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaymentStatusChanged change) {
        changes.add(change);
    }

    List<PaymentStatusChanged> of(UUID orderId) {
        return changes.stream()
                .filter(change -> change.orderId().equals(orderId))
                .toList();
    }
}
