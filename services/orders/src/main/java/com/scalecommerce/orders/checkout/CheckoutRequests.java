package com.scalecommerce.orders.checkout;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency keys of {@code POST /api/checkout}, scoped to the caller (a customer or a guest cart): two shoppers
 * may well pick the same key.
 */
@ApplicationScoped
class CheckoutRequests {

    sealed interface Claim {}

    /** This request owns the key now and runs the checkout. */
    record Claimed() implements Claim {}

    /** The key belongs to a different body. */
    record Mismatch() implements Claim {}

    /** The key's first request is still running. */
    record Running() implements Claim {}

    /** The key was freed (its first request failed before anything was kept): claim it again. */
    record Gone() implements Claim {}

    /** The key's first request has answered; send the same answer. */
    record Answered(int status, String body, UUID orderId) implements Claim {}

    private final AgroalDataSource db;

    CheckoutRequests(AgroalDataSource db) {
        this.db = db;
    }

    /** Its own short transaction: the claim must be visible to concurrent repeats at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Claim claim(String scope, String key, String requestHash) {
        try (var connection = db.getConnection()) {
            try (var insert = connection.prepareStatement("insert into checkout_request (scope, idempotency_key,"
                    + " request_hash) values (?, ?, ?) on conflict do nothing")) {
                insert.setString(1, scope);
                insert.setString(2, key);
                insert.setString(3, requestHash);
                if (insert.executeUpdate() == 1) {
                    return new Claimed();
                }
            }
            return existing(connection, scope, key, requestHash);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a repeat sees now: still running, answered, or a different body. */
    Claim look(String scope, String key, String requestHash) {
        try (var connection = db.getConnection()) {
            return existing(connection, scope, key, requestHash);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Claim existing(java.sql.Connection connection, String scope, String key, String requestHash)
            throws SQLException {
        try (var select = connection.prepareStatement("select request_hash, response_status, response_body::text,"
                + " order_id from checkout_request where scope = ? and idempotency_key = ?")) {
            select.setString(1, scope);
            select.setString(2, key);
            try (var row = select.executeQuery()) {
                if (!row.next()) {
                    // Forgotten between our insert attempt and this read (the first request failed early).
                    return new Gone();
                }
                if (!row.getString(1).equals(requestHash)) {
                    return new Mismatch();
                }
                int status = row.getInt(2);
                if (row.wasNull()) {
                    return new Running();
                }
                return new Answered(status, row.getString(3), row.getObject(4, UUID.class));
            }
        }
    }

    /** Joins the transaction that creates the order: key and order exist together or not at all. */
    @Transactional(Transactional.TxType.MANDATORY)
    void attach(String scope, String key, UUID orderId) {
        update("update checkout_request set order_id = ? where scope = ? and idempotency_key = ?", orderId, scope, key);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void answer(String scope, String key, int status, String body) {
        try (var connection = db.getConnection();
                var update = connection.prepareStatement("update checkout_request set response_status = ?,"
                        + " response_body = cast(? as jsonb), completed_at = now()"
                        + " where scope = ? and idempotency_key = ?")) {
            update.setInt(1, status);
            update.setString(2, body);
            update.setString(3, scope);
            update.setString(4, key);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Frees the key after a failure that left nothing to remember (refused before any order, or a 503 the client
     * should retry): the same key may then be sent again and run afresh.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void forget(String scope, String key) {
        update("delete from checkout_request where scope = ? and idempotency_key = ?", null, scope, key);
    }

    /** Housekeeping: keys older than the retention may be reused. */
    @Transactional
    int expire(Duration retention) {
        try (var connection = db.getConnection();
                var delete = connection.prepareStatement("delete from checkout_request where created_at < now() - ?"
                        + " and response_status is not null")) {
            delete.setObject(1, new org.postgresql.util.PGInterval(0, 0, 0, 0, 0, retention.toSeconds()));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record Unanswered(String scope, String key, UUID orderId) {}

    /** Claimed longer ago than {@code age} and never answered: the request died. */
    java.util.List<Unanswered> unanswered(Duration age, int limit) {
        try (var connection = db.getConnection();
                var select = connection.prepareStatement("select scope, idempotency_key, order_id from checkout_request"
                        + " where response_status is null and created_at < now() - ? order by created_at limit ?")) {
            select.setObject(1, new org.postgresql.util.PGInterval(0, 0, 0, 0, 0, age.toSeconds()));
            select.setInt(2, limit);
            var found = new java.util.ArrayList<Unanswered>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Unanswered(rows.getString(1), rows.getString(2), rows.getObject(3, UUID.class)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<UUID> orderOf(String scope, String key) {
        try (var connection = db.getConnection();
                var select = connection.prepareStatement(
                        "select order_id from checkout_request where scope = ? and idempotency_key = ?")) {
            select.setString(1, scope);
            select.setString(2, key);
            try (var row = select.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, UUID orderId, String scope, String key) {
        try (var connection = db.getConnection();
                var update = connection.prepareStatement(sql)) {
            int i = 1;
            if (orderId != null) {
                update.setObject(i++, orderId);
            }
            update.setString(i++, scope);
            update.setString(i, key);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
