package com.scalecommerce.orders.payment;

/**
 * The gateway could not be reached or answered with a server error: the outcome is unknown, so the call may
 * be repeated with the same idempotency key. Counts towards the circuit breaker; a decline does not.
 */
class GatewayFailure extends RuntimeException {

    GatewayFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
