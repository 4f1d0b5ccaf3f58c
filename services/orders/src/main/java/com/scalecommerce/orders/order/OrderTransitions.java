package com.scalecommerce.orders.order;

import static com.scalecommerce.orders.order.OrderStatus.CANCELLED;
import static com.scalecommerce.orders.order.OrderStatus.DELIVERED;
import static com.scalecommerce.orders.order.OrderStatus.FULFILLING;
import static com.scalecommerce.orders.order.OrderStatus.PAID;
import static com.scalecommerce.orders.order.OrderStatus.PARTIALLY_REFUNDED;
import static com.scalecommerce.orders.order.OrderStatus.PAYMENT_FAILED;
import static com.scalecommerce.orders.order.OrderStatus.PENDING_PAYMENT;
import static com.scalecommerce.orders.order.OrderStatus.REFUNDED;
import static com.scalecommerce.orders.order.OrderStatus.REJECTED;
import static com.scalecommerce.orders.order.OrderStatus.SHIPPED;

import com.scalecommerce.platform.web.problem.ProblemException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The rule "an order only moves along the lifecycle": every legal (from, to) pair is listed here and nowhere else,
 * so the API, the saga and the tests share one definition.
 */
public final class OrderTransitions {

    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            PENDING_PAYMENT, EnumSet.of(PAID, PAYMENT_FAILED, REJECTED, CANCELLED),
            PAID, EnumSet.of(FULFILLING, CANCELLED, REFUNDED, PARTIALLY_REFUNDED),
            FULFILLING, EnumSet.of(SHIPPED, CANCELLED),
            SHIPPED, EnumSet.of(DELIVERED, REFUNDED, PARTIALLY_REFUNDED),
            DELIVERED, EnumSet.of(REFUNDED, PARTIALLY_REFUNDED),
            PARTIALLY_REFUNDED, EnumSet.of(REFUNDED, PARTIALLY_REFUNDED));

    private OrderTransitions() {}

    public static boolean allowed(OrderStatus from, OrderStatus to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** Customers may cancel only while nothing has been picked: before FULFILLING. */
    public static boolean cancellableByCustomer(OrderStatus status) {
        return status == PENDING_PAYMENT || status == PAID;
    }

    static void require(OrderStatus from, OrderStatus to) {
        if (!allowed(from, to)) {
            throw illegal(from, to);
        }
    }

    static ProblemException illegal(OrderStatus from, OrderStatus to) {
        return new ProblemException(
                409,
                "ILLEGAL_TRANSITION",
                "Conflict",
                "An order in " + from + " cannot move to " + to + ".",
                java.util.List.of(
                        new com.scalecommerce.platform.web.problem.Problem.FieldError("from", from.name()),
                        new com.scalecommerce.platform.web.problem.Problem.FieldError("to", to.name())),
                Map.of());
    }
}
