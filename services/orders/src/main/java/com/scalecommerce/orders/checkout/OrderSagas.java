package com.scalecommerce.orders.checkout;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** The {@code order_saga} rows: per order, its cart and its stock reservation as products last confirmed it. */
@ApplicationScoped
class OrderSagas {

    enum Stock {
        /** Asked for (or about to be); products may or may not hold it. */
        PENDING,
        OPEN,
        COMMITTED,
        RELEASED,
        RESTOCKED
    }

    record Saga(UUID orderId, String cartId, String reservationId, Stock stock) {}

    private final AgroalDataSource db;

    OrderSagas(AgroalDataSource db) {
        this.db = db;
    }

    static String reservationId(UUID orderId) {
        return "order-" + orderId;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void start(UUID orderId, String cartId) {
        try (var connection = db.getConnection();
                var insert = connection.prepareStatement(
                        "insert into order_saga (order_id, cart_id, reservation_id) values (?, ?, ?)")) {
            insert.setObject(1, orderId);
            insert.setString(2, cartId);
            insert.setString(3, reservationId(orderId));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Saga> find(UUID orderId) {
        try (var connection = db.getConnection();
                var select = connection.prepareStatement(
                        "select cart_id, reservation_id, stock_state from order_saga where order_id = ?")) {
            select.setObject(1, orderId);
            try (var row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(
                                new Saga(orderId, row.getString(1), row.getString(2), Stock.valueOf(row.getString(3))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Records what products confirmed, only from one of the states it can follow (a late "released" never
     * overwrites "committed"). Returns whether the row moved.
     */
    @Transactional
    boolean stock(UUID orderId, Stock to, Stock... from) {
        try (var connection = db.getConnection();
                var update = connection.prepareStatement("update order_saga set stock_state = ?, last_error = null,"
                        + " updated_at = now() where order_id = ? and stock_state = any (?)")) {
            update.setString(1, to.name());
            update.setObject(2, orderId);
            update.setArray(
                    3,
                    connection.createArrayOf(
                            "text", Arrays.stream(from).map(Enum::name).toArray()));
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Remembers why a step failed, for the reconciler's next attempt and for people reading the table. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void failed(UUID orderId, String error) {
        try (var connection = db.getConnection();
                var update = connection.prepareStatement("update order_saga set attempts = attempts + 1,"
                        + " last_error = ?, updated_at = now() where order_id = ?")) {
            update.setString(1, error.length() > 500 ? error.substring(0, 500) : error);
            update.setObject(2, orderId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
