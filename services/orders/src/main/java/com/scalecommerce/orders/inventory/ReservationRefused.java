package com.scalecommerce.orders.inventory;

/** Products answered a reservation call with a 4xx: a decision about this request, not an outage. */
class ReservationRefused extends RuntimeException {

    final int status;
    final String body;

    ReservationRefused(int status, String body) {
        super("products refused the reservation call with " + status, null, false, false);
        this.status = status;
        this.body = body;
    }
}
