package com.scalecommerce.web.cart;

/**
 * Orders answered a cart change with a 4xx problem (out of stock, quantity limit, unknown code...): its answer
 * about the request, not a failure of orders. It is shown on the cart page, neither retried nor counted by the
 * breaker.
 */
class CartRefused extends RuntimeException {

    private final int status;
    private final String code;

    CartRefused(int status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
