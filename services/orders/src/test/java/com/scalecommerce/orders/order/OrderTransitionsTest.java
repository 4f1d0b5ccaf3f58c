package com.scalecommerce.orders.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderTransitionsTest {

    private static final Map<OrderStatus, Set<OrderStatus>> LIFECYCLE = Map.of(
            OrderStatus.PENDING_PAYMENT,
                    EnumSet.of(
                            OrderStatus.PAID, OrderStatus.PAYMENT_FAILED, OrderStatus.REJECTED, OrderStatus.CANCELLED),
            OrderStatus.PAID,
                    EnumSet.of(
                            OrderStatus.FULFILLING,
                            OrderStatus.CANCELLED,
                            OrderStatus.REFUNDED,
                            OrderStatus.PARTIALLY_REFUNDED),
            OrderStatus.FULFILLING, EnumSet.of(OrderStatus.SHIPPED, OrderStatus.CANCELLED),
            OrderStatus.SHIPPED,
                    EnumSet.of(OrderStatus.DELIVERED, OrderStatus.REFUNDED, OrderStatus.PARTIALLY_REFUNDED),
            OrderStatus.DELIVERED, EnumSet.of(OrderStatus.REFUNDED, OrderStatus.PARTIALLY_REFUNDED),
            OrderStatus.PARTIALLY_REFUNDED, EnumSet.of(OrderStatus.REFUNDED, OrderStatus.PARTIALLY_REFUNDED));

    @Test
    void exactlyTheLifecyclesPairsAreAllowedAndEveryOtherPairIsRefused() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                boolean expected = LIFECYCLE.getOrDefault(from, Set.of()).contains(to);
                assertThat(OrderTransitions.allowed(from, to))
                        .as(from + " -> " + to)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void customersMayCancelOnlyBeforeFulfilment() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(OrderTransitions.cancellableByCustomer(status))
                    .as(status.name())
                    .isEqualTo(status == OrderStatus.PENDING_PAYMENT || status == OrderStatus.PAID);
        }
    }
}
