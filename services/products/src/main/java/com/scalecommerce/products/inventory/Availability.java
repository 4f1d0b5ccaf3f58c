package com.scalecommerce.products.inventory;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What can be sold right now (on hand minus reserved), for the catalog and search. Reads only; a SKU without a
 * stock row has nothing available. A product's availability sums its active variants.
 */
@ApplicationScoped
public class Availability {

    private final AgroalDataSource db;

    Availability(AgroalDataSource db) {
        this.db = db;
    }

    public int ofSku(String sku) {
        return ofSkus(java.util.List.of(sku)).getOrDefault(sku, 0);
    }

    /** Every requested SKU is a key; unknown ones map to 0. */
    public Map<String, Integer> ofSkus(Collection<String> skus) {
        var available = new HashMap<String, Integer>();
        skus.forEach(sku -> available.put(sku, 0));
        if (skus.isEmpty()) {
            return available;
        }
        try (var connection = db.getConnection();
                var select =
                        connection.prepareStatement("select sku, on_hand - reserved from stock where sku = any(?)")) {
            select.setArray(1, connection.createArrayOf("text", skus.toArray()));
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    available.put(rows.getString(1), rows.getInt(2));
                }
            }
            return available;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean inStock(UUID productId) {
        return ofProducts(java.util.List.of(productId)).getOrDefault(productId, 0L) > 0;
    }

    /** Every requested product is a key; products without active, stocked variants map to 0. */
    public Map<UUID, Long> ofProducts(Collection<UUID> productIds) {
        var available = new HashMap<UUID, Long>();
        productIds.forEach(id -> available.put(id, 0L));
        if (productIds.isEmpty()) {
            return available;
        }
        try (var connection = db.getConnection();
                var select = connection.prepareStatement("select v.product_id, sum(s.on_hand - s.reserved)"
                        + " from variant v join stock s on s.variant_id = v.id"
                        + " where v.product_id = any(?) and v.active group by v.product_id")) {
            select.setArray(1, connection.createArrayOf("uuid", productIds.toArray()));
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    available.put(rows.getObject(1, UUID.class), rows.getLong(2));
                }
            }
            return available;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
