package com.scalecommerce.orders.checkout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalecommerce.orders.checkout.OrderSagas.Stock;
import com.scalecommerce.orders.order.Actor;
import com.scalecommerce.orders.order.Order;
import com.scalecommerce.orders.order.OrderStatus;
import com.scalecommerce.orders.order.Orders;
import com.scalecommerce.orders.payment.PaymentResult;
import com.scalecommerce.orders.payment.Payments;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Finishes what a crash, a timeout or an outage left half done. Each pass: orders stuck in PENDING_PAYMENT are
 * asked about at the gateway and finished or compensated; stock holds are driven to what their order's status
 * needs; owed refunds are sent; idempotency keys past retention are dropped. Every step is idempotent, so several
 * replicas may run it at once and a pass that dies midway is simply repeated.
 */
@ApplicationScoped
public class CheckoutReconciler {

    private static final Logger LOG = Logger.getLogger(CheckoutReconciler.class);
    /** Leave rows alone that a live request may be working on right now. */
    private static final Duration SETTLE_GRACE = Duration.ofSeconds(30);

    private final AgroalDataSource db;
    private final Orders orders;
    private final Payments payments;
    private final OrderSagas sagas;
    private final OrderSettlement settlement;
    private final Refunds refunds;
    private final CheckoutRequests requests;
    private final CheckoutConfig config;
    private final ObjectMapper json;

    CheckoutReconciler(
            AgroalDataSource db,
            Orders orders,
            Payments payments,
            OrderSagas sagas,
            OrderSettlement settlement,
            Refunds refunds,
            CheckoutRequests requests,
            CheckoutConfig config,
            ObjectMapper json) {
        this.db = db;
        this.orders = orders;
        this.payments = payments;
        this.sagas = sagas;
        this.settlement = settlement;
        this.refunds = refunds;
        this.requests = requests;
        this.config = config;
        this.json = json;
    }

    @Scheduled(
            every = "${scalecommerce.orders.checkout.reconcile-every:30s}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            LOG.warn("checkout reconciliation pass failed; the next pass repeats it", e);
        }
    }

    /** One pass; returns how many orders it moved or settled. */
    public int reconcile() {
        int settled = 0;
        for (UUID orderId : ids(
                "select id from customer_order where status = 'PENDING_PAYMENT' and updated_at < now() - ?"
                        + " order by updated_at limit ?",
                config.staleAfter())) {
            settled += pending(orderId) ? 1 : 0;
        }
        for (UUID orderId : ids(
                "select o.id from order_saga s join customer_order o on o.id = s.order_id"
                        + " where (s.stock_state in ('PENDING', 'OPEN')"
                        + " or (s.stock_state = 'COMMITTED' and o.status = 'CANCELLED'))"
                        + " and s.updated_at < now() - ? and o.status <> 'PENDING_PAYMENT'"
                        + " order by s.updated_at limit ?",
                SETTLE_GRACE)) {
            settled += stock(orderId) ? 1 : 0;
        }
        settled += refunds.sendPending(config.reconcileBatch());
        answerAbandoned();
        requests.expire(config.keyRetention());
        return settled;
    }

    /**
     * Keys whose request died before answering. Without an order, or with an order that failed (nothing charged,
     * or refunded), the key is freed and a retry runs afresh; a paid order's key answers with that order, so a
     * retry can never buy twice.
     */
    private void answerAbandoned() {
        for (var abandoned : requests.unanswered(config.staleAfter(), config.reconcileBatch())) {
            Optional<Order> order = abandoned.orderId() == null ? Optional.empty() : orders.find(abandoned.orderId());
            OrderStatus status = order.map(Order::status).orElse(null);
            if (status == OrderStatus.PENDING_PAYMENT) {
                continue; // its order is settled first, above
            }
            boolean failed = status == null
                    || status == OrderStatus.PAYMENT_FAILED
                    || status == OrderStatus.REJECTED
                    || status == OrderStatus.CANCELLED;
            if (failed) {
                requests.forget(abandoned.scope(), abandoned.key());
            } else {
                var payment = payments.find(abandoned.orderId())
                        .map(p -> new CheckoutResult.PaymentView(p.status().name(), null, null, null, null))
                        .orElse(new CheckoutResult.PaymentView("NOT_REQUIRED", null, null, null, null));
                requests.answer(
                        abandoned.scope(), abandoned.key(), 201, write(new CheckoutResult(order.get(), payment)));
            }
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean pending(UUID orderId) {
        Order order = orders.get(orderId);
        Optional<PaymentResult> payment = payments.refresh(orderId);
        PaymentResult.Outcome outcome = payment.map(PaymentResult::outcome).orElse(null);
        if (outcome == PaymentResult.Outcome.UNAVAILABLE) {
            return false; // the gateway cannot tell us yet; next pass
        }
        if (outcome == PaymentResult.Outcome.SUCCEEDED) {
            settlement.paid(orderId, Actor.system());
            return true;
        }
        boolean waitingForCustomer =
                outcome == PaymentResult.Outcome.REQUIRES_ACTION || outcome == PaymentResult.Outcome.PROCESSING;
        if (waitingForCustomer && order.createdAt().isAfter(OffsetDateTime.now().minus(config.paymentWindow()))) {
            return false;
        }
        String reason = outcome == null
                ? "Checkout interrupted before payment"
                : waitingForCustomer ? "Payment not completed in time" : "Payment failed";
        LOG.infof("reconciler fails order %s: %s", orderId, reason);
        settlement.failed(orderId, OrderStatus.PAYMENT_FAILED, reason, Actor.system());
        return true;
    }

    private boolean stock(UUID orderId) {
        Order order = orders.get(orderId);
        OrderSagas.Saga saga = sagas.find(orderId).orElseThrow();
        switch (order.status()) {
            case PAYMENT_FAILED, REJECTED -> {
                if (saga.stock() == Stock.PENDING || saga.stock() == Stock.OPEN) {
                    settlement.giveBack(orderId);
                    return true;
                }
            }
            case CANCELLED -> {
                if (saga.stock() != Stock.RELEASED && saga.stock() != Stock.RESTOCKED) {
                    settlement.restock(orderId);
                    return true;
                }
            }
            default -> {
                if (saga.stock() == Stock.PENDING || saga.stock() == Stock.OPEN) {
                    settlement.commitStock(order, saga, Actor.system());
                    return true;
                }
            }
        }
        return false;
    }

    private List<UUID> ids(String sql, Duration age) {
        try (var connection = db.getConnection();
                var select = connection.prepareStatement(sql)) {
            select.setObject(1, new org.postgresql.util.PGInterval(0, 0, 0, 0, 0, age.toSeconds()));
            select.setInt(2, config.reconcileBatch());
            var ids = new ArrayList<UUID>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
