package com.scalecommerce.orders.payment;

import java.time.Duration;

/**
 * The answer to "take this payment": what the checkout shows or does next. {@code payment} is empty only when
 * the gateway could not be asked ({@link Outcome#UNAVAILABLE}); then {@code retryAfter} says when to try again.
 */
public record PaymentResult(
        Outcome outcome,
        Payment payment,
        String declineCode,
        String clientSecret,
        String nextActionType,
        String nextActionUrl,
        Duration retryAfter) {

    public enum Outcome {
        SUCCEEDED,
        /** 3-D Secure: the browser completes it with {@code clientSecret}; a webhook then reports the result. */
        REQUIRES_ACTION,
        /** Accepted but not settled yet; a webhook reports the result. */
        PROCESSING,
        DECLINED,
        /** The gateway refused the request itself (not the card); retrying the same request will not help. */
        FAILED,
        /** Gateway down, slow or its breaker open: nothing is known to be charged, retry with the same order. */
        UNAVAILABLE
    }

    static PaymentResult unavailable(Duration retryAfter) {
        return new PaymentResult(Outcome.UNAVAILABLE, null, null, null, null, null, retryAfter);
    }

    static PaymentResult of(Payment payment, GatewayPayment answer) {
        Outcome outcome = switch (payment.status()) {
            case SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED -> Outcome.SUCCEEDED;
            case REQUIRES_ACTION -> Outcome.REQUIRES_ACTION;
            case PROCESSING -> Outcome.PROCESSING;
            case DECLINED -> Outcome.DECLINED;
            case FAILED -> Outcome.FAILED;
        };
        boolean awaitingAction = outcome == Outcome.REQUIRES_ACTION && answer != null;
        GatewayPayment.NextAction next = awaitingAction ? answer.nextAction() : null;
        return new PaymentResult(
                outcome,
                payment,
                payment.declineCode(),
                awaitingAction ? answer.clientSecret() : null,
                next == null ? null : next.type(),
                next == null ? null : next.redirectUrl(),
                null);
    }
}
