package com.scalecommerce.orders.checkout;

import com.scalecommerce.orders.order.Actor;
import com.scalecommerce.orders.order.OrderCancelled;
import com.scalecommerce.orders.order.OrderRefundRequested;
import com.scalecommerce.orders.order.OrderStatus;
import com.scalecommerce.orders.order.Orders;
import com.scalecommerce.orders.payment.PaymentStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

/**
 * Where the rest of the service tells the saga something happened: a webhook settled a payment, an order was
 * cancelled or refunded. The "owe" half runs inside the deciding transaction (the refund is remembered iff the
 * decision commits); the "act" half after commit, and if it cannot act now the reconciler does later.
 */
@ApplicationScoped
class SagaObservers {

    private static final Logger LOG = Logger.getLogger(SagaObservers.class);

    private final OrderSettlement settlement;
    private final Refunds refunds;
    private final Orders orders;

    SagaObservers(OrderSettlement settlement, Refunds refunds, Orders orders) {
        this.settlement = settlement;
        this.refunds = refunds;
        this.orders = orders;
    }

    /**
     * A payment moved after the checkout request answered (3-D Secure done, a processing payment settled, or the
     * gateway confirming a payment we had given up on). The payment's first record (previous == null) is the
     * checkout request's own business, unless its order has already ended: then only a refund can follow.
     */
    void paymentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaymentStatusChanged change) {
        later(() -> {
            switch (change.status()) {
                case SUCCEEDED -> {
                    if (change.previous() != null || ended(change)) {
                        settlement.paid(change.orderId(), Actor.system());
                    }
                }
                case DECLINED, FAILED -> {
                    if (change.previous() != null) {
                        settlement.failed(
                                change.orderId(),
                                OrderStatus.PAYMENT_FAILED,
                                "Payment "
                                        + (change.declineCode() == null
                                                ? "failed"
                                                : "declined (" + change.declineCode() + ")"),
                                Actor.system());
                    }
                }
                default -> {}
            }
        });
    }

    void owePaidCancellation(@Observes OrderCancelled cancelled) {
        if (cancelled.wasPaid() && cancelled.refundableMinor() > 0) {
            refunds.owe(
                    "cancel:" + cancelled.orderId(),
                    cancelled.orderId(),
                    cancelled.refundableMinor(),
                    "order cancelled by " + cancelled.actor());
        }
    }

    void afterCancellation(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderCancelled cancelled) {
        later(() -> {
            if (cancelled.wasPaid()) {
                settlement.restock(cancelled.orderId());
                refunds.send(cancelled.orderId());
            } else {
                settlement.giveBack(cancelled.orderId());
            }
        });
    }

    void oweRefund(@Observes OrderRefundRequested refund) {
        refunds.owe(
                "refund:" + refund.orderId() + ":" + refund.refundedMinor(),
                refund.orderId(),
                refund.amountMinor(),
                "refund by " + refund.actor());
    }

    void afterRefund(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderRefundRequested refund) {
        later(() -> refunds.send(refund.orderId()));
    }

    /**
     * After-commit work runs on its own virtual thread: the committing thread is still inside the finished
     * transaction's completion and cannot start new transactions, and the caller's answer should not wait on the
     * gateway or products. A failure here is only logged; the reconciler finds the order and finishes the job.
     */
    private static void later(Runnable work) {
        Thread.ofVirtual().name("saga-follow-up").start(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("saga follow-up failed; the reconciler retries it", e);
            }
        });
    }

    private boolean ended(PaymentStatusChanged change) {
        var status = orders.find(change.orderId()).map(o -> o.status()).orElse(null);
        return status == OrderStatus.PAYMENT_FAILED
                || status == OrderStatus.REJECTED
                || status == OrderStatus.CANCELLED;
    }
}
