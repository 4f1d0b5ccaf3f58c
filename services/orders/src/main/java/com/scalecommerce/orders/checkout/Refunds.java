package com.scalecommerce.orders.checkout;

import com.scalecommerce.orders.payment.Payments;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Money owed back, as a durable to-do list: a refund is written in the transaction that decides it (an admin's
 * refund, the cancellation of a paid order, a payment that arrived for an order that had already failed) and sent
 * to the gateway after commit. If the gateway is down the row stays PENDING and the reconciler sends it again; the
 * row's key is the gateway's idempotency key, so a repeat never refunds twice.
 */
@ApplicationScoped
class Refunds {

    private static final Logger LOG = Logger.getLogger(Refunds.class);

    private final AgroalDataSource db;
    private final Payments payments;

    Refunds(AgroalDataSource db, Payments payments) {
        this.db = db;
        this.payments = payments;
    }

    /** {@code amountMinor} null: whatever is left to refund. A key already owed is not owed twice. */
    @Transactional
    void owe(String key, UUID orderId, Long amountMinor, String reason) {
        try (var connection = db.getConnection();
                var insert = connection.prepareStatement("insert into refund_request (idempotency_key, order_id,"
                        + " amount_minor, reason) values (?, ?, ?, ?) on conflict do nothing")) {
            insert.setString(1, key);
            insert.setObject(2, orderId);
            insert.setObject(3, amountMinor);
            insert.setString(4, reason);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends every pending refund of the order; returns how many are still pending. */
    int send(UUID orderId) {
        int pending = 0;
        for (Owed owed : pending("where state = 'PENDING' and order_id = ?", orderId)) {
            pending += sendOne(owed) ? 0 : 1;
        }
        return pending;
    }

    /** The reconciler's pass over refunds that could not be sent yet, oldest first. */
    int sendPending(int limit) {
        int sent = 0;
        for (Owed owed : pending("where state = 'PENDING' order by created_at limit " + limit, null)) {
            sent += sendOne(owed) ? 1 : 0;
        }
        return sent;
    }

    private record Owed(String key, UUID orderId, Long amountMinor) {}

    private boolean sendOne(Owed owed) {
        try {
            payments.refund(owed.orderId(), owed.amountMinor(), owed.key());
            finish(owed.key(), "DONE", null);
            return true;
        } catch (ProblemException e) {
            switch (e.code()) {
                case "PAYMENT_GATEWAY_UNAVAILABLE" -> {
                    retryLater(owed.key(), e.getMessage());
                    return false;
                }
                // Nothing was ever charged, or it has all gone back already: nothing is owed.
                case "PAYMENT_NOT_FOUND", "REFUND_EXCEEDS_PAYMENT" -> {
                    finish(owed.key(), "DONE", e.code());
                    return true;
                }
                // Not settled yet (still processing): the reconciler asks again later.
                case "PAYMENT_NOT_REFUNDABLE" -> {
                    retryLater(owed.key(), e.code());
                    return false;
                }
                default -> {
                    LOG.errorf(
                            "refund %s for order %s failed for good: %s %s %s",
                            owed.key(), owed.orderId(), e.code(), e.getMessage(), e.errors());
                    finish(owed.key(), "FAILED", e.code() + ": " + e.getMessage());
                    return true;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "refund %s for order %s not sent yet", owed.key(), owed.orderId());
            retryLater(owed.key(), e.toString());
            return false;
        }
    }

    private List<Owed> pending(String where, UUID orderId) {
        try (var connection = db.getConnection();
                var select = connection.prepareStatement(
                        "select idempotency_key, order_id, amount_minor from refund_request " + where)) {
            if (orderId != null) {
                select.setObject(1, orderId);
            }
            var owed = new ArrayList<Owed>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    Long amount = rows.getObject(3, Long.class); // null: everything left
                    owed.add(new Owed(rows.getString(1), rows.getObject(2, UUID.class), amount));
                }
            }
            return owed;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void finish(String key, String state, String note) {
        execute(
                "update refund_request set state = ?, last_error = ?, completed_at = now() where idempotency_key = ?",
                state,
                note,
                key);
    }

    private void retryLater(String key, String error) {
        execute(
                "update refund_request set attempts = attempts + 1, last_error = ? where idempotency_key = ?",
                error.length() > 500 ? error.substring(0, 500) : error,
                key);
    }

    private void execute(String sql, String... params) {
        try (var connection = db.getConnection();
                var update = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                update.setString(i + 1, params[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
