package com.scalecommerce.products.inventory;

import java.time.Instant;
import java.util.List;

/** A reservation as its caller sees it; lines are in SKU order, so a replay is byte for byte the first answer. */
public record Reservation(
        String reservationId,
        Status status,
        String reference,
        List<Line> lines,
        Instant createdAt,
        Instant expiresAt,
        Instant closedAt) {

    public enum Status {
        OPEN,
        COMMITTED,
        RELEASED,
        EXPIRED,
        /** Was committed, then its order was cancelled before shipping and the goods went back on hand. */
        RESTOCKED
    }

    public record Line(String sku, int quantity) {}
}
