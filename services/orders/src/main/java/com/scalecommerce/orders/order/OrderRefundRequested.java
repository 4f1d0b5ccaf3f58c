package com.scalecommerce.orders.order;

import java.util.UUID;

/**
 * Extension point for the payment wiring: fired (CDI) inside the refunding transaction; observe it after success
 * to call the gateway's refund for {@code amountMinor}. {@code refundedMinor} is the order's refunded total
 * including this refund: it only grows, so (order, refundedMinor) names this refund uniquely, e.g. as the
 * gateway's idempotency key.
 */
public record OrderRefundRequested(UUID orderId, long amountMinor, long refundedMinor, String currency, String actor) {}
