package com.scalecommerce.orders.checkout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.scalecommerce.orders.order.Order;
import com.scalecommerce.orders.payment.PaymentResult;

/**
 * A successful answer of {@code POST /api/checkout}: 201 with the paid order, or 202 while the payment waits for
 * the customer (3-D Secure) or the gateway; then {@code payment.clientSecret} lets the storefront finish it.
 */
public record CheckoutResult(Order order, PaymentView payment) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentView(
            String status, String declineCode, String clientSecret, String nextActionType, String nextActionUrl) {

        static PaymentView of(PaymentResult result) {
            return new PaymentView(
                    result.payment() == null ? null : result.payment().status().name(),
                    result.declineCode(),
                    result.clientSecret(),
                    result.nextActionType(),
                    result.nextActionUrl());
        }
    }
}
