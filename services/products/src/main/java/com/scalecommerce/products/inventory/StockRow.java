package com.scalecommerce.products.inventory;

import java.util.UUID;

/** One SKU's stock as a statement left it: what the ledger and the events describe. */
record StockRow(UUID variantId, UUID productId, String sku, int onHand, int reserved, int lowStockThreshold) {

    /** Columns every stock update returns, from {@code stock s join variant v}. */
    static final String RETURNING =
            " returning s.variant_id, v.product_id, s.sku, s.on_hand, s.reserved, s.low_stock_threshold";

    static StockRow read(java.sql.ResultSet row) throws java.sql.SQLException {
        return new StockRow(
                row.getObject("variant_id", UUID.class),
                row.getObject("product_id", UUID.class),
                row.getString("sku"),
                row.getInt("on_hand"),
                row.getInt("reserved"),
                row.getInt("low_stock_threshold"));
    }

    /** Runs an update that names at most one stock row and returns {@link #RETURNING}: the row after it. */
    static java.util.Optional<StockRow> update(java.sql.Connection connection, String sql, Object... parameters)
            throws java.sql.SQLException {
        try (var update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            try (var rows = update.executeQuery()) {
                return rows.next() ? java.util.Optional.of(read(rows)) : java.util.Optional.empty();
            }
        }
    }

    int available() {
        return onHand - reserved;
    }

    boolean isLow() {
        return available() <= lowStockThreshold;
    }

    boolean isOut() {
        return available() == 0;
    }

    /** The row as it was before a change of these amounts. */
    StockRow before(int deltaOnHand, int deltaReserved) {
        return new StockRow(
                variantId, productId, sku, onHand - deltaOnHand, reserved - deltaReserved, lowStockThreshold);
    }

    StockRow withThreshold(int threshold) {
        return new StockRow(variantId, productId, sku, onHand, reserved, threshold);
    }
}
