package com.scalecommerce.products.review;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Catalog fixtures written with SQL against the core schema, so these tests do not depend on the catalog
 * feature's admin API. Every product gets a unique slug and SKU, so tests never see each other's rows.
 */
@ApplicationScoped
public class TestCatalog {

    public record Product(UUID id, String name, String slug, String sku) {}

    private final AgroalDataSource db;

    TestCatalog(AgroalDataSource db) {
        this.db = db;
    }

    public Product activeProduct() {
        return product("ACTIVE", 1999, 2999);
    }

    public Product product(String status, long minPrice, long maxPrice) {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Product product = new Product(UUID.randomUUID(), "Test Lamp " + marker, "test-lamp-" + marker, "TL-" + marker);
        execute(
                "insert into product (id, slug, name, status, min_price_minor, max_price_minor) values (?, ?, ?, ?, ?, ?)",
                product.id(),
                product.slug(),
                product.name(),
                status,
                minPrice,
                maxPrice);
        execute(
                "insert into variant (id, product_id, sku, price_minor) values (?, ?, ?, ?)",
                UUID.randomUUID(),
                product.id(),
                product.sku(),
                minPrice);
        execute(
                "insert into product_image (id, product_id, storage_key, position) values (?, ?, ?, 0)",
                UUID.randomUUID(),
                product.id(),
                "img-" + marker + ".svg");
        return product;
    }

    public BigDecimal ratingAvg(UUID productId) {
        return (BigDecimal) single("select rating_avg from product where id = ?", productId);
    }

    public int ratingCount(UUID productId) {
        return ((Number) single("select rating_count from product where id = ?", productId)).intValue();
    }

    public void setStatus(UUID productId, String status) {
        execute("update product set status = ? where id = ?", status, productId);
    }

    public Object single(String sql, Object... parameters) {
        List<Object> rows = column(sql, parameters);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    public List<Object> column(String sql, Object... parameters) {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<Object> values = new ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getObject(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void execute(String sql, Object... parameters) {
        try (var connection = db.getConnection();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
