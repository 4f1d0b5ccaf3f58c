package com.scalecommerce.products.inventory;

import com.scalecommerce.platform.events.Outbox;
import com.scalecommerce.products.cache.CatalogCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Writes down what happened to stock, in the transaction that made it happen: the ledger row for every change
 * and the events others react to. {@code inventory.low} fires when a SKU becomes low or runs out, not while it
 * stays low, so a buyer is paged once per crossing.
 */
@ApplicationScoped
class StockJournal {

    private static final String INSERT = "insert into inventory_ledger"
            + " (variant_id, sku, delta_on_hand, delta_reserved, reason, actor, reference, note)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?)";

    private final Outbox outbox;
    private final CatalogCache catalogCache;

    StockJournal(Outbox outbox, CatalogCache catalogCache) {
        this.outbox = outbox;
        this.catalogCache = catalogCache;
    }

    record Entry(
            UUID variantId,
            String sku,
            int deltaOnHand,
            int deltaReserved,
            LedgerReason reason,
            String actor,
            String reference,
            String note) {}

    void write(Connection connection, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (var insert = connection.prepareStatement(INSERT)) {
            for (Entry entry : entries) {
                insert.setObject(1, entry.variantId());
                insert.setString(2, entry.sku());
                insert.setInt(3, entry.deltaOnHand());
                insert.setInt(4, entry.deltaReserved());
                insert.setString(5, entry.reason().name());
                insert.setString(6, entry.actor());
                insert.setString(7, entry.reference());
                insert.setString(8, entry.note());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Publishes the events a change from {@code before} to {@code after} calls for, if any, inside the caller's
     * transaction. {@code reason} may be null when on hand did not move (a threshold change).
     */
    void announce(StockRow before, StockRow after, LedgerReason reason, String reference) {
        int delta = after.onHand() - before.onHand();
        if (delta != 0) {
            outbox.append(
                    "inventory.adjusted",
                    after.sku(),
                    new Adjusted(
                            after.sku(),
                            after.variantId(),
                            after.productId(),
                            delta,
                            after.onHand(),
                            after.reserved(),
                            after.available(),
                            reason.name(),
                            reference));
        }
        // Shoppers see availability (the in-stock filter, a variant's "available"), not counts: cached pages change
        // only when a SKU runs out or comes back, so every other reservation leaves the cache alone.
        if (before.isOut() != after.isOut()) {
            catalogCache.invalidateAfterCommit();
        }
        boolean becameLow = !before.isLow() && after.isLow();
        boolean ranOut = !before.isOut() && after.isOut();
        if (becameLow || ranOut) {
            outbox.append(
                    "inventory.low",
                    after.sku(),
                    new Low(
                            after.sku(),
                            after.variantId(),
                            after.productId(),
                            after.available(),
                            after.onHand(),
                            after.lowStockThreshold(),
                            after.isOut()));
        }
    }

    record Adjusted(
            String sku,
            UUID variantId,
            UUID productId,
            int delta,
            int onHand,
            int reserved,
            int available,
            String reason,
            String reference) {}

    record Low(
            String sku,
            UUID variantId,
            UUID productId,
            int available,
            int onHand,
            int lowStockThreshold,
            boolean outOfStock) {}
}
