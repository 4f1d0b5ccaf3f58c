package com.scalecommerce.products.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Products, variants and stock written straight into the tables, so inventory tests do not depend on the
 * catalog's admin API. Every SKU is new, so tests share nothing and run in any order.
 */
final class StockFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource db;

    StockFixture(DataSource db) {
        this.db = db;
    }

    record Sku(String sku, UUID variantId, UUID productId) {}

    record Levels(int onHand, int reserved, int threshold) {}

    record Ledger(long onHand, long reserved) {}

    static String uniqueSku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    Sku create(int onHand, int threshold) {
        return create(uniqueSku("SKU"), onHand, threshold);
    }

    Sku create(String sku, int onHand, int threshold) {
        UUID productId = UUID.randomUUID();
        UUID variantId = UUID.randomUUID();
        try (var connection = db.getConnection()) {
            try (var insert = connection.prepareStatement(
                    "insert into product (id, slug, name, status) values (?, ?, ?, 'ACTIVE')")) {
                insert.setObject(1, productId);
                insert.setString(2, "p-" + productId);
                insert.setString(3, "Product " + sku);
                insert.executeUpdate();
            }
            try (var insert = connection.prepareStatement(
                    "insert into variant (id, product_id, sku, price_minor) values (?, ?, ?, 1999)")) {
                insert.setObject(1, variantId);
                insert.setObject(2, productId);
                insert.setString(3, sku);
                insert.executeUpdate();
            }
            try (var insert = connection.prepareStatement(
                    "insert into stock (variant_id, sku, on_hand, low_stock_threshold) values (?, ?, ?, ?)")) {
                insert.setObject(1, variantId);
                insert.setString(2, sku);
                insert.setInt(3, onHand);
                insert.setInt(4, threshold);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Sku(sku, variantId, productId);
    }

    Levels levels(String sku) {
        return one(
                "select on_hand, reserved, low_stock_threshold from stock where sku = ?",
                sku,
                rows -> new Levels(rows.getInt(1), rows.getInt(2), rows.getInt(3)));
    }

    Ledger ledger(String sku) {
        return one(
                "select coalesce(sum(delta_on_hand), 0), coalesce(sum(delta_reserved), 0) from inventory_ledger"
                        + " where variant_id = (select variant_id from stock where sku = ?)",
                sku,
                rows -> new Ledger(rows.getLong(1), rows.getLong(2)));
    }

    long openReserved(String sku) {
        return one(
                "select coalesce(sum(l.quantity), 0) from reservation_line l join reservation r on r.id ="
                        + " l.reservation_id where r.status = 'OPEN' and l.sku = ?",
                sku,
                rows -> rows.getLong(1));
    }

    long soldCount(UUID productId) {
        return one("select sold_count from product where id = ?", productId, rows -> rows.getLong(1));
    }

    List<String> ledgerReasons(String sku) {
        var reasons = new ArrayList<String>();
        each(
                "select reason from inventory_ledger where sku = ? order by id",
                sku,
                rows -> reasons.add(rows.getString(1)));
        return reasons;
    }

    /** The data of each event of this type about this SKU, oldest first. */
    List<JsonNode> events(String type, String sku) {
        var events = new ArrayList<JsonNode>();
        try (var connection = db.getConnection();
                var select = connection.prepareStatement(
                        "select envelope::text from outbox_event where type = ? and subject = ? order by id")) {
            select.setString(1, type);
            select.setString(2, sku);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(JSON.readTree(rows.getString(1)).get("data"));
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    void execute(String sql, Object... parameters) throws SQLException {
        try (var connection = db.getConnection();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    interface RowReader<T> {
        T read(java.sql.ResultSet rows) throws SQLException;
    }

    private <T> T one(String sql, Object parameter, RowReader<T> reader) {
        var found = new ArrayList<T>();
        each(sql, parameter, rows -> found.add(reader.read(rows)));
        if (found.size() != 1) {
            throw new AssertionError("expected one row for " + parameter + ", got " + found.size());
        }
        return found.getFirst();
    }

    private void each(String sql, Object parameter, RowReader<?> reader) {
        try (var connection = db.getConnection();
                var select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
