package com.scalecommerce.products.inventory;

import com.scalecommerce.platform.web.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Inventory for the other features of this service. Reads: what can be sold now (on hand minus reserved; a SKU
 * without a stock row has none, a product sums its active variants). Writes, for the catalog's CSV import or a
 * new variant's first delivery: they join the caller's transaction and go through the ledger and the events like
 * the admin API does. Nobody else writes stock.on_hand or stock.reserved: a change behind the ledger's back shows
 * up in the reconciliation.
 */
@ApplicationScoped
public class Inventory {

    private final AgroalDataSource db;
    private final StockAdministration administration;

    Inventory(AgroalDataSource db, StockAdministration administration) {
        this.db = db;
        this.administration = administration;
    }

    /**
     * Adds received goods to on hand.
     *
     * @param actor who did it, e.g. {@code admin:<user id>} or {@code system:csv-import}
     * @param note free text kept in the ledger; may be null
     * @param reference e.g. a purchase order; may be null
     */
    @Transactional
    public void receive(String actor, String sku, int quantity, String note, String reference) {
        if (quantity < 1) {
            throw ProblemException.invalidField("quantity", "must be at least 1");
        }
        administration.receive(actor, sku, new StockReceipt(quantity, note, reference));
    }

    /** Sets on hand to a counted quantity; refused (409 BELOW_RESERVED) below what is reserved. */
    @Transactional
    public void count(String actor, String sku, int onHand, String reason, String reference) {
        if (onHand < 0) {
            throw ProblemException.invalidField("onHand", "must not be negative");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "is required for a correction");
        }
        administration.correct(actor, sku, new StockCount(onHand, reason, reference));
    }

    public int availableOfSku(String sku) {
        return availableOfSkus(java.util.List.of(sku)).getOrDefault(sku, 0);
    }

    /** Every requested SKU is a key; unknown ones map to 0. */
    public Map<String, Integer> availableOfSkus(Collection<String> skus) {
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
        return availableOfProducts(java.util.List.of(productId)).getOrDefault(productId, 0L) > 0;
    }

    /** Every requested product is a key; products without active, stocked variants map to 0. */
    public Map<UUID, Long> availableOfProducts(Collection<UUID> productIds) {
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
