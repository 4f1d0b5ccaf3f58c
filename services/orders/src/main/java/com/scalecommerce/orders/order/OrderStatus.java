package com.scalecommerce.orders.order;

public enum OrderStatus {
    PENDING_PAYMENT,
    PAID,
    PAYMENT_FAILED,
    REJECTED,
    CANCELLED,
    FULFILLING,
    SHIPPED,
    DELIVERED,
    PARTIALLY_REFUNDED,
    REFUNDED
}
