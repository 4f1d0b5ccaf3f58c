package com.scalecommerce.products.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

final class Jdbc {

    private Jdbc() {}

    static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        Connection connection = statement.getConnection();
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            switch (value) {
                case UUID[] ids -> statement.setArray(i + 1, connection.createArrayOf("uuid", ids));
                case String[] texts -> statement.setArray(i + 1, connection.createArrayOf("text", texts));
                case Long[] numbers -> statement.setArray(i + 1, connection.createArrayOf("bigint", numbers));
                case null -> statement.setObject(i + 1, null);
                default -> statement.setObject(i + 1, value);
            }
        }
    }

    static boolean isUniqueViolation(SQLException e, String constraint) {
        return "23505".equals(e.getSQLState())
                && e.getMessage() != null
                && e.getMessage().contains(constraint);
    }

    static boolean isForeignKeyViolation(SQLException e) {
        return "23503".equals(e.getSQLState());
    }
}
