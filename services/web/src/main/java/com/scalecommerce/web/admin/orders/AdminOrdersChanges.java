package com.scalecommerce.web.admin.orders;

import com.scalecommerce.web.admin.AdminChanges;
import com.scalecommerce.web.admin.orders.AdminOrderModels.Cancel;
import com.scalecommerce.web.admin.orders.AdminOrderModels.Note;
import com.scalecommerce.web.admin.orders.AdminOrderModels.Order;
import com.scalecommerce.web.admin.orders.AdminOrderModels.Refund;
import com.scalecommerce.web.admin.orders.AdminOrderModels.Ship;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Orders' admin API, changed: an admin's move on an order, under the admin's change policy, {@link AdminChanges},
 * so never retried (a move repeated after a lost answer could refund twice), but 3 s: a refund goes through the
 * payment gateway. A {@link com.scalecommerce.web.http.Refused} is orders' answer, an illegal move's 409.
 */
@ApplicationScoped
@Timeout(value = 3000, unit = ChronoUnit.MILLIS)
class AdminOrdersChanges extends AdminChanges {

    private final AdminOrdersApi orders;

    AdminOrdersChanges(@RestClient AdminOrdersApi orders) {
        this.orders = orders;
    }

    Order move(Move move) {
        return move.apply(orders);
    }

    /** One admin move on an order, so all moves share one method, and so one breaker. */
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
