package com.scalecommerce.web.admin.orders;

import com.scalecommerce.web.admin.orders.AdminOrderModels.Cancel;
import com.scalecommerce.web.admin.orders.AdminOrderModels.Note;
import com.scalecommerce.web.admin.orders.AdminOrderModels.Order;
import com.scalecommerce.web.admin.orders.AdminOrderModels.OrderPage;
import com.scalecommerce.web.admin.orders.AdminOrderModels.Refund;
import com.scalecommerce.web.admin.orders.AdminOrderModels.Ship;
import com.scalecommerce.web.http.Refused;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The policy around orders' admin API: every call a 2 s timeout and a breaker of its own, on the class; reads add
 * one retry; moves get a longer timeout (3 s: a refund goes through the payment gateway) and no retry, since a
 * move repeated after a lost answer could refund twice. A {@link Refused} is orders' answer (an illegal move's
 * 409): neither retried nor counted.
 */
@ApplicationScoped
@Timeout(value = 2000, unit = ChronoUnit.MILLIS)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
public class AdminOrdersCalls {

    private final AdminOrdersApi orders;

    AdminOrdersCalls(@RestClient AdminOrdersApi orders) {
        this.orders = orders;
    }

    /** One page of orders, newest first; filters as the list form has them (null: no filter). */
    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {CircuitBreakerOpenException.class, Refused.class})
    public OrderPage list(String bearer, OrderFilters filters, String cursor, int limit) {
        return orders.list(
                bearer, filters.status(), filters.ordersFrom(), filters.ordersTo(), filters.customer(), cursor, limit);
    }

    @Retry(
            maxRetries = 1,
            delay = 50,
            abortOn = {CircuitBreakerOpenException.class, Refused.class})
    Order get(String bearer, UUID id) {
        return orders.get(bearer, id);
    }

    @Timeout(value = 3000, unit = ChronoUnit.MILLIS)
    Order move(Move move) {
        return move.apply(orders);
    }

    /** One admin move on an order, so all moves share the policy above. */
    interface Move extends Function<AdminOrdersApi, Order> {

        static Move fulfil(String bearer, UUID id) {
            return o -> o.fulfil(bearer, id);
        }

        static Move ship(String bearer, UUID id, String carrier, String trackingNumber) {
            return o -> o.ship(bearer, id, new Ship(carrier, trackingNumber));
        }

        static Move deliver(String bearer, UUID id) {
            return o -> o.deliver(bearer, id);
        }

        static Move cancel(String bearer, UUID id, String reason) {
            return o -> o.cancel(bearer, id, new Cancel(reason));
        }

        static Move refund(String bearer, UUID id, Long amountMinor) {
            return o -> o.refund(bearer, id, new Refund(amountMinor));
        }

        static Move note(String bearer, UUID id, String text) {
            return o -> o.note(bearer, id, new Note(text));
        }
    }
}
