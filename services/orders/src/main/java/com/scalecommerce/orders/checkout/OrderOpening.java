package com.scalecommerce.orders.checkout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalecommerce.orders.cart.CartPricingStep;
import com.scalecommerce.orders.cart.CartView;
import com.scalecommerce.orders.order.NewOrder;
import com.scalecommerce.orders.order.Order;
import com.scalecommerce.orders.order.Orders;
import com.scalecommerce.orders.pricing.Quote;
import com.scalecommerce.orders.pricing.discount.Discounts;
import com.scalecommerce.platform.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;

/** The saga's first step, on its own bean so that its transaction is a real one (no self-invocation). */
@ApplicationScoped
class OrderOpening {

    static final String CHECKOUT_STARTED = "checkout.started";

    private final Orders orders;
    private final OrderSagas sagas;
    private final CheckoutRequests requests;
    private final Discounts discounts;
    private final Outbox outbox;
    private final ObjectMapper json;

    OrderOpening(
            Orders orders,
            OrderSagas sagas,
            CheckoutRequests requests,
            Discounts discounts,
            Outbox outbox,
            ObjectMapper json) {
        this.orders = orders;
        this.sagas = sagas;
        this.requests = requests;
        this.discounts = discounts;
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * One transaction: the order, its saga row, the key's link to it, the discount's usage and checkout.started.
     * A discount used up meanwhile rolls all of it back (a 422 before any order exists).
     */
    @Transactional
    Order open(
            CheckoutSaga.Shopper shopper,
            String scope,
            String key,
            String requestHash,
            CartPricingStep.PricedCart cart,
            Quote quote,
            JsonNode shipping,
            JsonNode billing) {
        var lines = new ArrayList<NewOrder.Line>(cart.lines().size());
        for (int i = 0; i < cart.lines().size(); i++) {
            CartView.Line line = cart.lines().get(i);
            Quote.Line priced = quote.lines().get(i);
            lines.add(new NewOrder.Line(
                    line.sku(),
                    line.productId(),
                    line.name() == null ? line.sku() : line.name(),
                    json.valueToTree(line.options()),
                    priced.unitPriceMinor(),
                    priced.quantity(),
                    priced.amountMinor(),
                    priced.taxMinor(),
                    priced.discountMinor()));
        }
        Order order = orders.create(
                new NewOrder(
                        shopper.userId(),
                        shopper.email(),
                        quote.currency(),
                        quote.subtotalMinor(),
                        quote.discountMinor(),
                        quote.shippingMinor(),
                        quote.taxMinor(),
                        quote.totalMinor(),
                        shipping,
                        billing,
                        quote.shipping().name(),
                        scope + "/" + key + "/" + UUID.randomUUID(),
                        requestHash,
                        lines),
                shopper.actor());
        sagas.start(order.id(), shopper.cart().cartId());
        requests.attach(scope, key, order.id());
        if (quote.discount() != null) {
            discounts.redeem(
                    quote.discount().code(),
                    shopper.discountCustomer(),
                    order.id(),
                    quote.subtotalMinor(),
                    quote.currency());
        }
        outbox.append(
                CHECKOUT_STARTED,
                order.id().toString(),
                Map.of(
                        "orderId", order.id(),
                        "cartId", shopper.cart().cartId(),
                        "userId",
                                shopper.userId() == null ? "" : shopper.userId().toString(),
                        "itemCount",
                                cart.lines().stream()
                                        .mapToInt(CartView.Line::quantity)
                                        .sum(),
                        "totalMinor", quote.totalMinor(),
                        "currency", quote.currency()));
        return order;
    }
}
