package com.scalecommerce.orders.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

final class OrderRows {

    static final String COLUMNS = "id, number, user_id, email, status, currency, subtotal_minor, discount_minor,"
            + " shipping_minor, tax_minor, total_minor, refunded_minor, shipping_address::text, billing_address::text,"
            + " shipping_method, carrier, tracking_number, created_at, updated_at";

    private OrderRows() {}

    static Order read(ResultSet rows, ObjectMapper json) throws SQLException {
        return new Order(
                rows.getObject(1, UUID.class),
                rows.getLong(2),
                rows.getObject(3, UUID.class),
                rows.getString(4),
                OrderStatus.valueOf(rows.getString(5)),
                rows.getString(6),
                rows.getLong(7),
                rows.getLong(8),
                rows.getLong(9),
                rows.getLong(10),
                rows.getLong(11),
                rows.getLong(12),
                tree(json, rows.getString(13)),
                tree(json, rows.getString(14)),
                rows.getString(15),
                rows.getString(16),
                rows.getString(17),
                rows.getObject(18, OffsetDateTime.class),
                rows.getObject(19, OffsetDateTime.class),
                null,
                null);
    }

    static JsonNode tree(ObjectMapper json, String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
