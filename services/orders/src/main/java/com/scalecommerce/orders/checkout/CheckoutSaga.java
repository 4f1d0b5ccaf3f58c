package com.scalecommerce.orders.checkout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalecommerce.orders.addressbook.AddressBook;
import com.scalecommerce.orders.cart.CartOwner;
import com.scalecommerce.orders.cart.CartPricingStep;
import com.scalecommerce.orders.cart.CartView;
import com.scalecommerce.orders.cart.Carts;
import com.scalecommerce.orders.checkout.OrderSagas.Stock;
import com.scalecommerce.orders.inventory.StockReservations;
import com.scalecommerce.orders.order.Actor;
import com.scalecommerce.orders.order.Order;
import com.scalecommerce.orders.order.OrderStatus;
import com.scalecommerce.orders.order.Orders;
import com.scalecommerce.orders.payment.PaymentResult;
import com.scalecommerce.orders.payment.Payments;
import com.scalecommerce.orders.pricing.Quote;
import com.scalecommerce.orders.pricing.QuoteCalculator;
import com.scalecommerce.orders.pricing.QuoteRequest;
import com.scalecommerce.orders.pricing.discount.DiscountCustomer;
import com.scalecommerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.UUID;

/**
 * The checkout, as an orchestrated saga (docs/adr/0006): price the cart from products, open the order
 * PENDING_PAYMENT with its idempotency key, hold the stock, take the payment (the order id is the gateway's
 * idempotency key), then PAID, sell the stock, empty the cart. Every failure after the order exists compensates
 * through {@link OrderSettlement} and ends in an answer the client can act on.
 */
@ApplicationScoped
class CheckoutSaga {

    /** Who checks out: a customer (with the bearer token that reads their address book) or a guest. */
    record Shopper(CartOwner cart, UUID userId, String bearer, String email) {
        Actor actor() {
            return userId == null ? Actor.guest() : Actor.customer(userId);
        }

        DiscountCustomer discountCustomer() {
            return userId == null ? DiscountCustomer.guest(email) : DiscountCustomer.customer(userId);
        }
    }

    /**
     * What to answer. {@code remember}: the answer belongs to the idempotency key from now on; otherwise the key is
     * freed (nothing happened that a retry could repeat, or a 503 asks for exactly that retry).
     */
    record Outcome(int status, Object body, UUID orderId, boolean remember, Long retryAfterSeconds) {}

    private final Carts carts;
    private final QuoteCalculator quotes;
    private final AddressBook addressBook;
    private final OrderOpening opening;
    private final Orders orders;
    private final OrderSagas sagas;
    private final StockReservations stock;
    private final Payments payments;
    private final OrderSettlement settlement;
    private final ObjectMapper json;

    CheckoutSaga(
            Carts carts,
            QuoteCalculator quotes,
            AddressBook addressBook,
            OrderOpening opening,
            Orders orders,
            OrderSagas sagas,
            StockReservations stock,
            Payments payments,
            OrderSettlement settlement,
            ObjectMapper json) {
        this.carts = carts;
        this.quotes = quotes;
        this.addressBook = addressBook;
        this.opening = opening;
        this.orders = orders;
        this.sagas = sagas;
        this.stock = stock;
        this.payments = payments;
        this.settlement = settlement;
        this.json = json;
    }

    /**
     * Runs the checkout for a claimed idempotency key. Problems thrown from here (validation, an empty cart,
     * products unreachable while pricing) happen before any order exists; the caller frees the key for them.
     */
    Outcome run(Shopper shopper, String scope, String key, String requestHash, CheckoutRequest request) {
        CartPricingStep.PricedCart cart = carts.current(shopper.cart());
        if (cart.lines().isEmpty()) {
            return refused(409, "CART_EMPTY", "Conflict", "The cart is empty.");
        }
        var unavailable = cart.lines().stream()
                .filter(line -> !line.available())
                .map(line -> new StockReservations.Shortage(line.sku(), line.quantity(), 0))
                .toList();
        if (!unavailable.isEmpty()) {
            return new Outcome(
                    409,
                    CheckoutProblem.of(409, "OUT_OF_STOCK", "Out of stock", "Some items in the cart are not available.")
                            .lacking(unavailable),
                    null,
                    false,
                    null);
        }
        JsonNode shipping = address(shopper, request.shippingAddressId(), request.shippingAddress(), "shipping");
        JsonNode billing = request.billingAddressId() == null && request.billingAddress() == null
                ? shipping
                : address(shopper, request.billingAddressId(), request.billingAddress(), "billing");
        Quote quote = quotes.quote(new QuoteRequest(
                cart.currency(),
                cart.lines().stream()
                        .map(l -> new QuoteRequest.Line(l.sku(), l.unitPriceMinor(), l.quantity(), weight(cart, l)))
                        .toList(),
                new QuoteRequest.Destination(
                        shipping.path("country").asText(),
                        shipping.path("region").asText("")),
                request.shippingMethodId(),
                // A code chosen on the cart applies unless the checkout names one itself.
                request.discountCode() != null ? request.discountCode() : cart.discountCode(),
                shopper.discountCustomer()));
        if (quote.shipping() == null) {
            throw ProblemException.invalidField("shippingMethodId", "does not ship to this address");
        }
        if (request.expectedTotalMinor() != null && request.expectedTotalMinor() != quote.totalMinor()) {
            return refused(
                    409,
                    "PRICE_CHANGED",
                    "Price changed",
                    "The total is now " + quote.totalMinor() + " (minor units of " + quote.currency() + "), not "
                            + request.expectedTotalMinor() + ". Review the cart and confirm again.");
        }

        Order order = opening.open(shopper, scope, key, requestHash, cart, quote, shipping, billing);
        return pay(shopper, request, order, cart);
    }

    private Outcome pay(Shopper shopper, CheckoutRequest request, Order order, CartPricingStep.PricedCart cart) {
        UUID orderId = order.id();
        try {
            stock.reserve(
                    OrderSagas.reservationId(orderId),
                    cart.lines().stream()
                            .map(l -> new StockReservations.Line(l.sku(), l.quantity()))
                            .toList(),
                    "order " + order.number());
            sagas.stock(orderId, Stock.OPEN, Stock.PENDING);
        } catch (StockReservations.OutOfStock e) {
            settlement.failed(orderId, OrderStatus.REJECTED, "Out of stock", shopper.actor());
            return new Outcome(
                    409,
                    CheckoutProblem.of(
                                    409,
                                    "OUT_OF_STOCK",
                                    "Out of stock",
                                    "Not enough stock for some items; nothing was charged.")
                            .forOrder(orderId)
                            .lacking(e.shortages()),
                    orderId,
                    true,
                    null);
        } catch (StockReservations.Unavailable e) {
            settlement.failed(orderId, OrderStatus.REJECTED, "Stock could not be checked", shopper.actor());
            ProblemException problem = stock.unavailableProblem();
            return new Outcome(
                    503,
                    CheckoutProblem.of(503, problem.code(), problem.title(), problem.getMessage())
                            .forOrder(orderId),
                    orderId,
                    false,
                    Long.parseLong(problem.headers().get("Retry-After")));
        }
        orders.placed(orderId);

        if (order.totalMinor() == 0) {
            // Nothing to charge (a full discount with free shipping): no gateway call at all.
            return new Outcome(
                    201,
                    new CheckoutResult(
                            settlement.paid(orderId, shopper.actor()),
                            new CheckoutResult.PaymentView("NOT_REQUIRED", null, null, null, null)),
                    orderId,
                    true,
                    null);
        }
        PaymentResult payment = payments.pay(orderId, order.totalMinor(), order.currency(), request.paymentMethod());
        return switch (payment.outcome()) {
            case SUCCEEDED ->
                new Outcome(
                        201,
                        new CheckoutResult(
                                settlement.paid(orderId, shopper.actor()), CheckoutResult.PaymentView.of(payment)),
                        orderId,
                        true,
                        null);
            case REQUIRES_ACTION, PROCESSING ->
                new Outcome(
                        202,
                        new CheckoutResult(orders.get(orderId), CheckoutResult.PaymentView.of(payment)),
                        orderId,
                        true,
                        null);
            case DECLINED -> {
                settlement.failed(
                        orderId,
                        OrderStatus.PAYMENT_FAILED,
                        "Payment declined (" + payment.declineCode() + ")",
                        shopper.actor());
                yield new Outcome(
                        402,
                        CheckoutProblem.of(
                                        402,
                                        "PAYMENT_DECLINED",
                                        "Payment declined",
                                        "The card was declined; nothing was charged. Try another payment method.")
                                .forOrder(orderId)
                                .declined(payment.declineCode()),
                        orderId,
                        true,
                        null);
            }
            case FAILED -> {
                settlement.failed(orderId, OrderStatus.PAYMENT_FAILED, "Payment failed", shopper.actor());
                yield new Outcome(
                        402,
                        CheckoutProblem.of(
                                        402,
                                        "PAYMENT_FAILED",
                                        "Payment failed",
                                        "The payment could not be made; nothing was charged.")
                                .forOrder(orderId),
                        orderId,
                        true,
                        null);
            }
            case UNAVAILABLE -> {
                // Nothing is known to be charged. Should the gateway report a success later, the order is already
                // failed and OrderSettlement.paid refunds it: no payment without an order.
                settlement.failed(orderId, OrderStatus.PAYMENT_FAILED, "Payment gateway unavailable", shopper.actor());
                long retryAfter = Math.max(1, payment.retryAfter().toSeconds());
                yield new Outcome(
                        503,
                        CheckoutProblem.of(
                                        503,
                                        "PAYMENT_GATEWAY_UNAVAILABLE",
                                        "Service unavailable",
                                        "The payment gateway is not answering; nothing was charged. Try again"
                                                + " shortly.")
                                .forOrder(orderId),
                        orderId,
                        false,
                        retryAfter);
            }
        };
    }

    /** Per-unit weight for weight-based shipping, read with the price from products. */
    private static Long weight(CartPricingStep.PricedCart cart, CartView.Line line) {
        Integer grams = cart.unitWeightGrams().get(line.sku());
        return grams == null ? null : grams.longValue();
    }

    private JsonNode address(Shopper shopper, UUID addressId, CheckoutRequest.Address given, String which) {
        if (addressId != null && given != null) {
            throw ProblemException.invalidField(
                    which + "AddressId", "send either " + which + "AddressId or " + which + "Address, not both");
        }
        if (addressId != null) {
            if (shopper.bearer() == null) {
                throw ProblemException.invalidField(which + "AddressId", "sign in to use your address book");
            }
            var entry = addressBook.entry(shopper.bearer(), addressId);
            return snapshot(
                    entry.recipientName(),
                    entry.company(),
                    entry.line1(),
                    entry.line2(),
                    entry.city(),
                    entry.region(),
                    entry.postalCode(),
                    entry.country(),
                    entry.phone());
        }
        if (given == null) {
            throw ProblemException.invalidField(which + "Address", "is required (or " + which + "AddressId)");
        }
        return snapshot(
                given.recipientName(),
                given.company(),
                given.line1(),
                given.line2(),
                given.city(),
                given.region(),
                given.postalCode(),
                given.country().toUpperCase(Locale.ROOT),
                given.phone());
    }

    private JsonNode snapshot(String... fields) {
        String[] names = {
            "recipientName", "company", "line1", "line2", "city", "region", "postalCode", "country", "phone"
        };
        var node = json.createObjectNode();
        for (int i = 0; i < names.length; i++) {
            if (fields[i] != null && !fields[i].isBlank()) {
                node.put(names[i], fields[i].trim());
            }
        }
        return node;
    }

    private static Outcome refused(int status, String code, String title, String detail) {
        return new Outcome(status, CheckoutProblem.of(status, code, title, detail), null, false, null);
    }
}
