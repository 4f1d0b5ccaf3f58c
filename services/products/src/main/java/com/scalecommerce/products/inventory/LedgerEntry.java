package com.scalecommerce.products.inventory;

import java.time.Instant;
import java.util.List;

/**
 * One change to a SKU's stock. {@code reason} is the kind of change; {@code note} is what a person said about it
 * (the reason given for a count, a delivery note), {@code reference} what it belongs to (a reservation, a PO).
 */
public record LedgerEntry(
        long id,
        String sku,
        int deltaOnHand,
        int deltaReserved,
        String reason,
        String actor,
        String reference,
        String note,
        Instant at) {

    /** Newest first; {@code nextCursor} is null on the last page. */
    public record Page(List<LedgerEntry> items, String nextCursor) {}
}
