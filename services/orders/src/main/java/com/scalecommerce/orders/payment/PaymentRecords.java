package com.scalecommerce.orders.payment;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code payment} table. Every write goes through {@link #merge}: the gateway's answer and its webhooks
 * race each other and arrive in any order, so each of them may create the row, and a status only moves up.
 */
@ApplicationScoped
class PaymentRecords {

    private static final String COLUMNS = "id, order_id, gateway, gateway_payment_id, status, amount, currency,"
            + " decline_code, amount_refunded, created_at, updated_at";

    private final AgroalDataSource db;
    private final Event<PaymentStatusChanged> changes;

    PaymentRecords(AgroalDataSource db, Event<PaymentStatusChanged> changes) {
        this.db = db;
        this.changes = changes;
    }

    Optional<Payment> findByOrder(UUID orderId) {
        try (var connection = db.getConnection()) {
            return find(connection, "order_id", orderId, false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean refundRecorded(UUID paymentId, String idempotencyKey) {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(
                        "select 1 from payment_refund where payment_id = ? and idempotency_key = ?")) {
            query.setObject(1, paymentId);
            query.setString(2, idempotencyKey);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    Optional<Payment> merge(String gateway, GatewayPayment reported) {
        try (var connection = db.getConnection()) {
            return merge(connection, gateway, reported);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Applies a verified webhook event once: the event id is claimed in the same transaction as the effect,
     * so a redelivery (or two replicas receiving the same event) changes nothing. Returns false for a duplicate.
     */
    @Transactional
    boolean applyEvent(String gateway, String eventId, String type, Optional<GatewayPayment> reported) {
        try (var connection = db.getConnection()) {
            try (var claim = connection.prepareStatement("insert into payment_webhook_event (gateway, event_id, type)"
                    + " values (?, ?, ?) on conflict do nothing")) {
                claim.setString(1, gateway);
                claim.setString(2, eventId);
                claim.setString(3, type);
                if (claim.executeUpdate() == 0) {
                    return false;
                }
            }
            if (reported.isPresent()) {
                merge(connection, gateway, reported.get());
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts a gateway refund once, however often the same refund is reported back. */
    @Transactional
    Payment recordRefund(UUID paymentId, GatewayRefund refund, String idempotencyKey) {
        try (var connection = db.getConnection()) {
            Payment current = find(connection, "id", paymentId, true).orElseThrow();
            try (var insert = connection.prepareStatement("insert into payment_refund (gateway_refund_id, payment_id,"
                    + " idempotency_key, amount) values (?, ?, ?, ?) on conflict do nothing")) {
                insert.setString(1, refund.gatewayRefundId());
                insert.setObject(2, paymentId);
                insert.setString(3, idempotencyKey);
                insert.setLong(4, refund.amount());
                if (insert.executeUpdate() == 0) {
                    return current;
                }
            }
            long refunded;
            try (var sum = connection.prepareStatement(
                    "select coalesce(sum(amount), 0) from payment_refund where payment_id = ?")) {
                sum.setObject(1, paymentId);
                try (var rows = sum.executeQuery()) {
                    rows.next();
                    refunded = Math.min(current.amount(), rows.getLong(1));
                }
            }
            PaymentStatus status =
                    refunded >= current.amount() ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
            return write(connection, current, status, current.declineCode(), current.gatewayPaymentId(), refunded);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Payment> merge(Connection connection, String gateway, GatewayPayment reported)
            throws SQLException {
        Optional<Payment> existing = locate(connection, reported);
        if (existing.isEmpty()) {
            if (reported.orderId() == null) {
                return Optional.empty(); // not one of ours: no order id in its metadata and no row to match
            }
            boolean inserted = insertIfAbsent(connection, gateway, reported);
            existing = locate(connection, reported);
            if (inserted) {
                changes.fire(changeOf(existing.orElseThrow(), null));
                return existing;
            }
        }
        Payment current = existing.orElseThrow();
        long refunded = Math.max(current.amountRefunded(), Math.min(current.amount(), reported.amountRefunded()));
        boolean moves = reported.status().supersedes(current.status());
        String gatewayPaymentId =
                current.gatewayPaymentId() != null ? current.gatewayPaymentId() : reported.gatewayPaymentId();
        if (!moves
                && refunded == current.amountRefunded()
                && Objects.equals(gatewayPaymentId, current.gatewayPaymentId())) {
            return existing;
        }
        PaymentStatus status = moves ? reported.status() : current.status();
        String declineCode = moves ? reported.declineCode() : current.declineCode();
        return Optional.of(write(connection, current, status, declineCode, gatewayPaymentId, refunded));
    }

    private Optional<Payment> locate(Connection connection, GatewayPayment reported) throws SQLException {
        if (reported.orderId() != null) {
            return find(connection, "order_id", reported.orderId(), true);
        }
        return reported.gatewayPaymentId() == null
                ? Optional.empty()
                : find(connection, "gateway_payment_id", reported.gatewayPaymentId(), true);
    }

    private boolean insertIfAbsent(Connection connection, String gateway, GatewayPayment reported) throws SQLException {
        try (var insert = connection.prepareStatement("insert into payment (id, order_id, gateway, gateway_payment_id,"
                + " status, amount, currency, decline_code, amount_refunded) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (order_id) do nothing")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, reported.orderId());
            insert.setString(3, gateway);
            insert.setString(4, reported.gatewayPaymentId());
            insert.setString(5, reported.status().name());
            insert.setLong(6, reported.amount());
            insert.setString(7, reported.currency());
            insert.setString(8, reported.declineCode());
            insert.setLong(9, Math.min(reported.amount(), reported.amountRefunded()));
            return insert.executeUpdate() == 1;
        }
    }

    private Payment write(
            Connection connection,
            Payment current,
            PaymentStatus status,
            String declineCode,
            String gatewayPaymentId,
            long refunded)
            throws SQLException {
        try (var update = connection.prepareStatement("update payment set status = ?, decline_code = ?,"
                + " gateway_payment_id = ?, amount_refunded = ?, updated_at = clock_timestamp() where id = ?")) {
            update.setString(1, status.name());
            update.setString(2, declineCode);
            update.setString(3, gatewayPaymentId);
            update.setLong(4, refunded);
            update.setObject(5, current.id());
            update.executeUpdate();
        }
        Payment updated = find(connection, "id", current.id(), false).orElseThrow();
        if (updated.status() != current.status() || updated.amountRefunded() != current.amountRefunded()) {
            changes.fire(changeOf(updated, current.status()));
        }
        return updated;
    }

    private static PaymentStatusChanged changeOf(Payment payment, PaymentStatus previous) {
        return new PaymentStatusChanged(
                payment.id(),
                payment.orderId(),
                payment.gateway(),
                previous,
                payment.status(),
                payment.declineCode(),
                payment.amount(),
                payment.currency(),
                payment.amountRefunded());
    }

    private static Optional<Payment> find(Connection connection, String column, Object value, boolean lock)
            throws SQLException {
        try (var query = connection.prepareStatement(
                "select " + COLUMNS + " from payment where " + column + " = ?" + (lock ? " for update" : ""))) {
            query.setObject(1, value);
            try (var rows = query.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private static Payment read(ResultSet rows) throws SQLException {
        return new Payment(
                rows.getObject("id", UUID.class),
                rows.getObject("order_id", UUID.class),
                rows.getString("gateway"),
                rows.getString("gateway_payment_id"),
                PaymentStatus.valueOf(rows.getString("status")),
                rows.getLong("amount"),
                rows.getString("currency"),
                rows.getString("decline_code"),
                rows.getLong("amount_refunded"),
                rows.getObject("created_at", OffsetDateTime.class),
                rows.getObject("updated_at", OffsetDateTime.class));
    }
}
