package com.scalecommerce.orders.order;

import java.util.UUID;

/** Who moved an order, as the timeline records it: {@code customer:<id>}, {@code admin:<id>} or {@code system}. */
public record Actor(String value) {

    public static Actor customer(UUID id) {
        return new Actor("customer:" + id);
    }

    public static Actor admin(UUID id) {
        return new Actor("admin:" + id);
    }

    public static Actor system() {
        return new Actor("system");
    }
}
