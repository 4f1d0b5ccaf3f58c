package com.scalecommerce.web.admin.orders;

import java.util.Map;
import java.util.Set;

/**
 * Which moves the order page offers for a status, from orders' lifecycle (services/orders OrderTransitions):
 * buttons that could only fail are left out. Orders stays the judge: a move it refuses (a race with another
 * admin, a rule changed) comes back as its 409, shown on the page. Notes are always possible.
 */
final class OrderActions {

    static final String FULFIL = "fulfil";
    static final String SHIP = "ship";
    static final String DELIVER = "deliver";
    static final String CANCEL = "cancel";
    static final String REFUND = "refund";

    private static final Map<String, Set<String>> BY_STATUS = Map.of(
            "PENDING_PAYMENT", Set.of(CANCEL),
            "PAID", Set.of(FULFIL, CANCEL, REFUND),
            "FULFILLING", Set.of(SHIP, CANCEL),
            "SHIPPED", Set.of(DELIVER, REFUND),
            "DELIVERED", Set.of(REFUND),
            "PARTIALLY_REFUNDED", Set.of(REFUND));

    private OrderActions() {}

    static Set<String> allowedFor(String status) {
        return BY_STATUS.getOrDefault(status, Set.of());
    }
}
