package com.scalecommerce.orders.payment;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;

/** Counts rows, so tests can tell one payment from two that look alike. */
@ApplicationScoped
public class PaymentTables {

    private final AgroalDataSource db;

    PaymentTables(AgroalDataSource db) {
        this.db = db;
    }

    void execute(String sql, Object... parameters) {
        try (var connection = db.getConnection();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql, Object... parameters) {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
