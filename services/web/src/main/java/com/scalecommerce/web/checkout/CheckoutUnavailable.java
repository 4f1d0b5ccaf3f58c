package com.scalecommerce.web.checkout;

/**
 * Orders answered 503 on purpose (the payment gateway or products could not be reached; the order was failed and
 * nothing charged): its detail and Retry-After go to the shopper as they are.
 */
class CheckoutUnavailable extends RuntimeException {

    private final Long retryAfterSeconds;

    CheckoutUnavailable(String detail, Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
