package com.scalecommerce.web.admin.orders;

import com.scalecommerce.web.admin.AdminReads;
import com.scalecommerce.web.admin.orders.AdminOrderModels.Order;
import com.scalecommerce.web.admin.orders.AdminOrderModels.OrderPage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Orders' admin API, read: the admin's read policy, {@link AdminReads}, with a shorter timeout (2 s). */
@ApplicationScoped
@Timeout(value = 2000, unit = ChronoUnit.MILLIS)
public class AdminOrdersReads extends AdminReads {

    private final AdminOrdersApi orders;

    AdminOrdersReads(@RestClient AdminOrdersApi orders) {
        this.orders = orders;
    }

    /** One page of orders, newest first; filters as the list form has them (null: no filter). */
    public OrderPage list(String bearer, OrderFilters filters, String cursor, int limit) {
        return orders.list(
                bearer, filters.status(), filters.ordersFrom(), filters.ordersTo(), filters.customer(), cursor, limit);
    }

    Order get(String bearer, UUID id) {
        return orders.get(bearer, id);
    }
}
