package com.scalecommerce.orders.order;

import java.util.UUID;

/**
 * Extension point for the checkout saga: fired (CDI) inside the cancelling transaction. Observe it with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to release the stock reservation ({@code wasPaid}
 * false) or restock and refund ({@code wasPaid} true) once the cancellation is committed.
 */
public record OrderCancelled(UUID orderId, OrderStatus from, boolean wasPaid, long refundableMinor, String actor) {}
