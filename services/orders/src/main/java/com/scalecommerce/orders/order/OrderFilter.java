package com.scalecommerce.orders.order;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The admin list's filters; every null means "any". {@code to} is exclusive. */
record OrderFilter(
        OrderStatus status,
        OffsetDateTime from,
        OffsetDateTime to,
        UUID customerId,
        String email,
        Long minTotalMinor,
        Long maxTotalMinor) {}
