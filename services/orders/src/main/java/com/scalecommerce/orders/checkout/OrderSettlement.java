package com.scalecommerce.orders.checkout;

import com.scalecommerce.orders.cart.CartOwner;
import com.scalecommerce.orders.cart.Carts;
import com.scalecommerce.orders.checkout.OrderSagas.Stock;
import com.scalecommerce.orders.inventory.StockReservations;
import com.scalecommerce.orders.order.Actor;
import com.scalecommerce.orders.order.Order;
import com.scalecommerce.orders.order.OrderStatus;
import com.scalecommerce.orders.order.Orders;
import com.scalecommerce.orders.pricing.discount.Discounts;
import com.scalecommerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The saga's last steps, shared by the checkout request, the payment webhooks and the reconciler: whoever learns
 * first that a payment succeeded or failed finishes the order. Every step is idempotent (conditional status
 * updates, reservation ids, refund keys), so two of them finishing the same order at once do no harm.
 */
@ApplicationScoped
class OrderSettlement {

    private static final Logger LOG = Logger.getLogger(OrderSettlement.class);

    private final Orders orders;
    private final OrderSagas sagas;
    private final StockReservations stock;
    private final Discounts discounts;
    private final Carts carts;
    private final Refunds refunds;

    OrderSettlement(
            Orders orders,
            OrderSagas sagas,
            StockReservations stock,
            Discounts discounts,
            Carts carts,
            Refunds refunds) {
        this.orders = orders;
        this.sagas = sagas;
        this.stock = stock;
        this.discounts = discounts;
        this.carts = carts;
        this.refunds = refunds;
    }

    /**
     * The payment succeeded: the order becomes PAID, its stock sold and its cart emptied. If the order had already
     * failed or been cancelled (a late 3-D Secure or a payment that the gateway confirmed after our timeout), the
     * money goes back instead: no payment without an order.
     */
    Order paid(UUID orderId, Actor actor) {
        Order order = orders.get(orderId);
        if (order.status() == OrderStatus.PENDING_PAYMENT) {
            order = move(orderId, () -> orders.paid(orderId, actor));
        }
        switch (order.status()) {
            case PAYMENT_FAILED, REJECTED, CANCELLED -> {
                refunds.owe("orphan:" + orderId, orderId, null, "payment succeeded after the order ended");
                refunds.send(orderId);
                return order;
            }
            default -> {}
        }
        Optional<OrderSagas.Saga> saga = sagas.find(orderId);
        if (saga.isEmpty()) {
            return order;
        }
        commitStock(order, saga.get(), actor);
        carts.clear(new CartOwner(saga.get().cartId(), Optional.empty()));
        return orders.get(orderId);
    }

    /**
     * The order cannot be paid (declined, gateway gone, out of stock): it ends {@code to} and gives back what it
     * held. Stock that cannot be released now is released by the reconciler (or by products' hold expiry).
     */
    Order failed(UUID orderId, OrderStatus to, String reason, Actor actor) {
        Order order = orders.get(orderId);
        if (order.status() == OrderStatus.PENDING_PAYMENT) {
            order = move(
                    orderId,
                    () -> to == OrderStatus.REJECTED
                            ? orders.rejected(orderId, actor, reason)
                            : orders.paymentFailed(orderId, actor, reason));
        }
        if (order.status() == to || order.status() == OrderStatus.CANCELLED) {
            giveBack(orderId);
        }
        return order;
    }

    /** Releases an unpaid order's discount usage and stock hold. */
    void giveBack(UUID orderId) {
        discounts.release(orderId);
        sagas.find(orderId).ifPresent(this::releaseStock);
    }

    /** A paid order was cancelled before it shipped: sold stock goes back on the shelf. */
    void restock(UUID orderId) {
        var saga = sagas.find(orderId).orElse(null);
        if (saga == null) {
            return;
        }
        switch (saga.stock()) {
            case COMMITTED -> {
                try {
                    stock.restock(saga.reservationId());
                    sagas.stock(orderId, Stock.RESTOCKED, Stock.COMMITTED);
                } catch (RuntimeException e) {
                    sagas.failed(orderId, "restock: " + e);
                }
            }
            case PENDING, OPEN -> releaseStock(saga);
            default -> {}
        }
    }

    void commitStock(Order order, OrderSagas.Saga saga, Actor actor) {
        if (saga.stock() == Stock.COMMITTED || saga.stock() == Stock.RESTOCKED) {
            return;
        }
        try {
            stock.commit(saga.reservationId());
            sagas.stock(order.id(), Stock.COMMITTED, Stock.PENDING, Stock.OPEN);
        } catch (StockReservations.Lapsed e) {
            // The hold ran out before the payment was confirmed and the stock may be someone else's now. The
            // customer must not pay for goods we may not have: cancel and refund.
            LOG.warnf("order %s was paid after its stock hold lapsed; cancelling and refunding", order.id());
            sagas.stock(order.id(), Stock.RELEASED, Stock.PENDING, Stock.OPEN);
            try {
                orders.cancel(order.id(), actor, "Stock hold lapsed before the payment was confirmed");
            } catch (ProblemException alreadyMoved) {
                LOG.warnf("order %s could not be cancelled: %s", order.id(), alreadyMoved.getMessage());
            }
        } catch (RuntimeException e) {
            // Products is away: the reconciler commits it later, well within the hold's lifetime.
            sagas.failed(order.id(), "commit: " + e);
        }
    }

    private void releaseStock(OrderSagas.Saga saga) {
        if (saga.stock() != Stock.PENDING && saga.stock() != Stock.OPEN) {
            return;
        }
        try {
            stock.release(saga.reservationId());
            sagas.stock(saga.orderId(), Stock.RELEASED, Stock.PENDING, Stock.OPEN);
        } catch (RuntimeException e) {
            sagas.failed(saga.orderId(), "release: " + e);
        }
    }

    /** A status change another thread may have made first: then the order as it is now. */
    private Order move(UUID orderId, java.util.function.Supplier<Order> change) {
        try {
            return change.get();
        } catch (ProblemException e) {
            if (e.status() == 409) {
                return orders.get(orderId);
            }
            throw e;
        }
    }
}
