package com.scalecommerce.products.inventory;

import java.time.Instant;
import java.util.UUID;

/** One SKU's stock for administrators. {@code lowStock} means available <= threshold (out of stock included). */
public record StockLevel(
        String sku,
        UUID variantId,
        UUID productId,
        String productName,
        int onHand,
        int reserved,
        int available,
        int lowStockThreshold,
        boolean lowStock,
        boolean outOfStock,
        Instant updatedAt) {

    /** One page of stock levels; {@code nextCursor} is null on the last page. */
}
