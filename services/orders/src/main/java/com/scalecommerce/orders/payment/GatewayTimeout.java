package com.scalecommerce.orders.payment;

/**
 * The gateway accepted the connection but did not answer in time. Not retried: a hanging gateway rarely
 * answers the second time, and waiting twice would keep the shopper from a quick "try again shortly".
 */
class GatewayTimeout extends GatewayFailure {

    GatewayTimeout(String message, Throwable cause) {
        super(message, cause);
    }
}
