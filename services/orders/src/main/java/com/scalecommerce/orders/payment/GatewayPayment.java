package com.scalecommerce.orders.payment;

import java.util.UUID;

/**
 * A payment as the gateway describes it (a Stripe PaymentIntent, or its sandbox twin). {@code orderId} comes
 * from the intent's metadata, so a webhook can be matched even before our own record of the call is written.
 */
record GatewayPayment(
        String gatewayPaymentId,
        UUID orderId,
        PaymentStatus status,
        long amount,
        String currency,
        String declineCode,
        String clientSecret,
        NextAction nextAction,
        long amountRefunded) {

    /** What the shopper's browser must do next (3-D Secure): Stripe's next_action type and its redirect, if any. */
    record NextAction(String type, String redirectUrl) {}
}
