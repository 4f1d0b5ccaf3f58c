package com.scalecommerce.orders.order;

import java.util.UUID;

/**
 * Extension point for the payment wiring: fired (CDI) inside the refunding transaction; observe it after success
 * to call the gateway's refund for {@code amountMinor}.
 */
public record OrderRefundRequested(UUID orderId, long amountMinor, String currency, String actor) {}
