package com.scalecommerce.orders.order;

import java.util.UUID;

/** Who moved an order, as the timeline records it: {@code customer:<id>}, {@code admin:<id>}, {@code guest} or
 * {@code system}. */
public record Actor(String value) {

    public static Actor customer(UUID id) {
        return new Actor("customer:" + id);
    }

    public static Actor admin(UUID id) {
        return new Actor("admin:" + id);
    }

    /** A shopper without an account, known only by the e-mail on the order. */
    public static Actor guest() {
        return new Actor("guest");
    }

    public static Actor system() {
        return new Actor("system");
    }
}
