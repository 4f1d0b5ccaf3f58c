package com.scalecommerce.products.inventory;

import com.scalecommerce.platform.web.problem.ProblemException;

/**
 * A reservation that no longer holds stock cannot be sold. Its own type so that the commit which discovers a
 * lapsed hold can release it and still commit that release.
 */
class ReservationExpired extends ProblemException {

    ReservationExpired(String id, Reservation.Status status) {
        super(
                409,
                "RESERVATION_EXPIRED",
                "Reservation expired",
                "Reservation " + id + " is " + status.name().toLowerCase()
                        + " and no longer holds stock; place a new one.");
    }
}
