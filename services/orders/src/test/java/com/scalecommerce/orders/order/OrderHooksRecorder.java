package com.scalecommerce.orders.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the saga's observers: what they would see, and only after the change committed. */
@ApplicationScoped
public class OrderHooksRecorder {

    private final List<OrderCancelled> cancellations = new CopyOnWriteArrayList<>();
    private final List<OrderRefundRequested> refunds = new CopyOnWriteArrayList<>();

    void onCancelled(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderCancelled event) {
        cancellations.add(event);
    }

    // Accessors, not field reads: a field read on the client proxy would see the proxy's own empty lists.
    List<OrderCancelled> cancellations() {
        return cancellations;
    }

    List<OrderRefundRequested> refunds() {
        return refunds;
    }

    void onRefund(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderRefundRequested event) {
        refunds.add(event);
    }
}
