package com.scalecommerce.orders.payment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The port every payment provider is adapted to. Calls are idempotent on their keys, which is what makes
 * retrying them safe. Expected business outcomes (declines, 3-D Secure) are returned; a transport failure
 * whose outcome is unknown is thrown as {@link GatewayFailure}.
 */
interface PaymentGateway {

    /** {@code sandbox}, {@code stripe}: stored with each payment and used in the webhook path. */
    String name();

    /** Creates and confirms a payment in one call, idempotent on {@link PaymentRequest#idempotencyKey()}. */
    GatewayPayment pay(PaymentRequest request);

    Optional<GatewayPayment> retrieve(String gatewayPaymentId);

    /** Refunds {@code amount} (all that is left when null), idempotent on {@code idempotencyKey}. */
    GatewayRefund refund(String gatewayPaymentId, Long amount, String idempotencyKey);

    /** The payment an already verified webhook event describes; empty for events we do not act on. */
    default Optional<GatewayPayment> paymentOf(String eventType, JsonNode object) {
        return StripeEvents.paymentOf(eventType, object);
    }
}
