package com.scalecommerce.orders.checkout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.scalecommerce.orders.cart.CartToken;
import com.scalecommerce.orders.catalog.ProductsStub;
import com.scalecommerce.orders.order.OrderStatus;
import com.scalecommerce.orders.order.Orders;
import com.scalecommerce.orders.pricing.PricingFixture;
import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(ProductsInventoryStub.class)
class CheckoutTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Orders orders;

    @Inject
    CheckoutReconciler reconciler;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void reset() {
        ProductsInventoryStub.failure.set(null);
        breakers.resetAll();
    }

    @Test
    void aGuestChecksOutAndTheOrderIsPaidItsStockSoldAndItsCartEmptied() throws SQLException {
        var shop = CheckoutFixture.shop(5);
        String cart = shop.guestCart(2);

        Response answer = CheckoutFixture.checkout(cart, key(), shop.body("pm_card_visa"));

        answer.then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", org.hamcrest.Matchers.containsString("/api/orders/"))
                .body("order.status", equalTo("PAID"))
                .body("order.email", equalTo("shopper@example.test"))
                .body("order.subtotalMinor", equalTo(5000))
                .body("order.shippingMinor", equalTo(490))
                .body("order.totalMinor", equalTo(5490))
                .body("order.lines", hasSize(1))
                .body("order.lines[0].sku", equalTo(shop.sku))
                .body("order.lines[0].unitPriceMinor", equalTo(2500))
                .body("order.shippingAddress.recipientName", equalTo("Ada Shopper"))
                .body("order.shippingMethod", equalTo("Standard"))
                .body("payment.status", equalTo("SUCCEEDED"));
        UUID orderId = UUID.fromString(answer.path("order.id"));
        assertThat(ProductsInventoryStub.reservations.get("order-" + orderId)).isEqualTo("COMMITTED");
        assertThat(ProductsInventoryStub.free(shop.sku)).isEqualTo(3);
        CheckoutFixture.guest(cart, null)
                .get("/api/cart")
                .then()
                .statusCode(200)
                .body("lines", hasSize(0));
        assertThat(events(orderId)).containsExactlyInAnyOrder("checkout.started", "order.placed", "order.paid");
        assertThat(count("select count(*) from payment where order_id = ? and status = 'SUCCEEDED'", orderId))
                .isEqualTo(1);
    }

    @Test
    void pricesComeFromProductsNotFromWhatTheCartSawAndAnExpectedTotalGuardsAgainstSurprises() {
        var shop = CheckoutFixture.shop(5);
        String cart = shop.guestCart(1);
        // The price rises after the item went into the cart.
        ProductsStub.serve(shop.productId, "EUR", "Mug", new ProductsStub.Sku(shop.sku, 3000, true));
        catalogForget();

        var body = shop.body("pm_card_visa");
        body.put("expectedTotalMinor", 2500 + 490);
        CheckoutFixture.checkout(cart, key(), body)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("PRICE_CHANGED"));

        body.put("expectedTotalMinor", 3000 + 490);
        CheckoutFixture.checkout(cart, key(), body)
                .then()
                .statusCode(201)
                .body("order.lines[0].unitPriceMinor", equalTo(3000))
                .body("order.totalMinor", equalTo(3490));
    }

    @Test
    void theSameKeySentTenTimesInARowAndFiveTimesAtOncePlacesOneOrderAndTakesOnePayment() throws Exception {
        var shop = CheckoutFixture.shop(50);

        String cart = shop.guestCart(1);
        String key = key();
        var body = shop.body("pm_card_visa");
        var orderIds = new HashSet<String>();
        for (int i = 0; i < 10; i++) {
            Response answer = CheckoutFixture.checkout(cart, key, body);
            answer.then().statusCode(201);
            orderIds.add(answer.path("order.id"));
            if (i > 0) {
                assertThat(answer.header("Idempotent-Replayed")).isEqualTo("true");
            }
        }
        assertThat(orderIds).hasSize(1);

        String concurrentCart = shop.guestCart(1);
        String concurrentKey = key();
        var start = new CountDownLatch(1);
        var calls = new ArrayList<Callable<Response>>();
        for (int i = 0; i < 5; i++) {
            calls.add(() -> {
                start.await();
                return CheckoutFixture.checkout(concurrentCart, concurrentKey, body);
            });
        }
        var concurrentIds = new HashSet<String>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (var future : futures) {
                Response answer = future.get();
                assertThat(answer.statusCode()).isEqualTo(201);
                concurrentIds.add(answer.path("order.id"));
            }
        }
        assertThat(concurrentIds).hasSize(1);
        for (String id :
                List.of(orderIds.iterator().next(), concurrentIds.iterator().next())) {
            UUID orderId = UUID.fromString(id);
            assertThat(count("select count(*) from payment where order_id = ?", orderId))
                    .isEqualTo(1);
        }
        assertThat(count(
                        "select count(*) from customer_order where email = ? and created_at > now() - interval"
                                + " '1 minute' and id in (select order_id from order_saga where cart_id like 'g:%')"
                                + " and id = any (?)",
                        "shopper@example.test", new UUID[] {
                            UUID.fromString(orderIds.iterator().next()),
                            UUID.fromString(concurrentIds.iterator().next())
                        }))
                .isEqualTo(2);
        assertThat(ProductsInventoryStub.free(shop.sku)).isEqualTo(48);
    }

    @Test
    void ordersReusesItsServiceTokenAcrossCheckouts() {
        var shop = CheckoutFixture.shop(10);
        CheckoutFixture.checkout(shop.guestCart(1), key(), shop.body("pm_card_visa"))
                .then()
                .statusCode(201);
        int before = ProductsInventoryStub.tokenRequests.get();

        for (int i = 0; i < 5; i++) {
            CheckoutFixture.checkout(shop.guestCart(1), key(), shop.body("pm_card_visa"))
                    .then()
                    .statusCode(201);
        }

        assertThat(before).isPositive();
        assertThat(ProductsInventoryStub.tokenRequests.get()).isEqualTo(before);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndAMissingKeyIs400() {
        var shop = CheckoutFixture.shop(5);
        String cart = shop.guestCart(1);
        String key = key();
        CheckoutFixture.checkout(cart, key, shop.body("pm_card_visa")).then().statusCode(201);

        var other = shop.body("pm_card_mastercard");
        CheckoutFixture.checkout(cart, key, other)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));

        CheckoutFixture.checkout(cart, null, other)
                .then()
                .statusCode(400)
                .body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
    }

    @Test
    void badInputIsAFieldProblemAndAnEmptyCartIsAConflictNeitherKeepsTheKey() {
        var shop = CheckoutFixture.shop(5);
        String cart = shop.guestCart(1);

        var cardNumber = shop.body("4242424242424242");
        CheckoutFixture.checkout(cart, key(), cardNumber)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("paymentMethod")));

        var noAddress = shop.body("pm_card_visa");
        noAddress.remove("shippingAddress");
        CheckoutFixture.checkout(cart, key(), noAddress)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("shippingAddress"));

        var guestWithoutEmail = shop.body("pm_card_visa");
        guestWithoutEmail.remove("email");
        CheckoutFixture.checkout(cart, key(), guestWithoutEmail)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("email"));

        CheckoutFixture.guest(cart, null)
                .delete("/api/cart/items/" + shop.sku)
                .then()
                .statusCode(200);
        String key = key();
        CheckoutFixture.checkout(cart, key, shop.body("pm_card_visa"))
                .then()
                .statusCode(409)
                .body("code", equalTo("CART_EMPTY"));
        // Nothing happened, so the key is free: the same key works once the cart is filled again.
        given().contentType(ContentType.JSON)
                .header(CartToken.HEADER, cart)
                .body(Map.of("productId", shop.productId, "sku", shop.sku, "quantity", 1))
                .post("/api/cart/items")
                .then()
                .statusCode(200);
        CheckoutFixture.checkout(cart, key, shop.body("pm_card_visa")).then().statusCode(201);
    }

    @Test
    void aDeclinedCardReleasesTheStockFailsTheOrderAndKeepsTheCart() {
        var shop = CheckoutFixture.shop(3);
        String cart = shop.guestCart(2);
        String key = key();

        Response answer = CheckoutFixture.checkout(cart, key, shop.body("pm_card_chargeDeclinedInsufficientFunds"));

        answer.then()
                .statusCode(402)
                .contentType("application/problem+json")
                .body("code", equalTo("PAYMENT_DECLINED"))
                .body("declineCode", equalTo("insufficient_funds"))
                .body("orderId", notNullValue());
        UUID orderId = UUID.fromString(answer.path("orderId"));
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.PAYMENT_FAILED);
        assertThat(ProductsInventoryStub.reservations.get("order-" + orderId)).isEqualTo("RELEASED");
        assertThat(ProductsInventoryStub.free(shop.sku)).isEqualTo(3);
        CheckoutFixture.guest(cart, null).get("/api/cart").then().body("lines", hasSize(1));
        // The same key replays the decline; a new key with another card succeeds.
        CheckoutFixture.checkout(cart, key, shop.body("pm_card_chargeDeclinedInsufficientFunds"))
                .then()
                .statusCode(402)
                .header("Idempotent-Replayed", "true");
        CheckoutFixture.checkout(cart, key(), shop.body("pm_card_visa")).then().statusCode(201);
    }

    @Test
    void whenStockRunsOutTheOrderIsRejectedWithTheShortages() {
        var shop = CheckoutFixture.shop(1);
        String cart = shop.guestCart(2);

        Response answer = CheckoutFixture.checkout(cart, key(), shop.body("pm_card_visa"));

        answer.then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("OUT_OF_STOCK"))
                .body("shortages[0].sku", equalTo(shop.sku))
                .body("shortages[0].requested", equalTo(2))
                .body("shortages[0].available", equalTo(1));
        UUID orderId = UUID.fromString(answer.path("orderId"));
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(count("select count(*) from payment where order_id = ?", orderId))
                .isZero();
    }

    @Test
    void whenProductsCannotHoldStockTheAnswerIs503AndTheKeyMayBeRetried() {
        var shop = CheckoutFixture.shop(4);
        String cart = shop.guestCart(1);
        String key = key();
        ProductsInventoryStub.failure.set("503");

        Response answer = CheckoutFixture.checkout(cart, key, shop.body("pm_card_visa"));

        answer.then()
                .statusCode(503)
                .header("Retry-After", notNullValue())
                .body("code", equalTo("PRODUCTS_UNAVAILABLE"));
        UUID failed = UUID.fromString(answer.path("orderId"));
        assertThat(orders.get(failed).status()).isEqualTo(OrderStatus.REJECTED);

        ProductsInventoryStub.failure.set(null);
        breakers.resetAll();
        Response retried = CheckoutFixture.checkout(cart, key, shop.body("pm_card_visa"));
        retried.then().statusCode(201).body("order.status", equalTo("PAID"));
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        assertThat(ProductsInventoryStub.free(shop.sku)).isEqualTo(3);
    }

    @Test
    void threeDSecureWaitsForTheCustomerAndTheWebhookFinishesTheOrder() {
        var shop = CheckoutFixture.shop(2);
        String cart = shop.guestCart(1);

        Response answer = CheckoutFixture.checkout(cart, key(), shop.body("pm_card_threeDSecure2Required"));

        answer.then()
                .statusCode(202)
                .body("order.status", equalTo("PENDING_PAYMENT"))
                .body("payment.status", equalTo("REQUIRES_ACTION"))
                .body("payment.clientSecret", notNullValue());
        UUID orderId = UUID.fromString(answer.path("order.id"));
        assertThat(ProductsInventoryStub.reservations.get("order-" + orderId)).isEqualTo("OPEN");

        completeThreeDSecure(answer);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.PAID);
            assertThat(ProductsInventoryStub.reservations.get("order-" + orderId))
                    .isEqualTo("COMMITTED");
        });
        CheckoutFixture.guest(cart, null).get("/api/cart").then().body("lines", hasSize(0));
    }

    @Test
    void aCustomerChecksOutToAnAddressFromTheirAddressBook() {
        var shop = CheckoutFixture.shop(2);
        String bearer = TestTokenIssuer.customer(UUID.randomUUID());
        shop.customerCart(bearer, 1);
        UUID addressId = UUID.randomUUID();
        ProductsInventoryStub.addresses.put(
                bearer + "|" + addressId,
                Map.of(
                        "id", addressId.toString(),
                        "recipientName", "Grace Customer",
                        "line1", "2 Side Road",
                        "city", "Shelbyville",
                        "postalCode", "54321",
                        "country", shop.country,
                        "defaultShipping", true));
        var body = shop.body("pm_card_visa");
        body.remove("shippingAddress");
        body.remove("email");
        body.put("shippingAddressId", addressId);

        // Someone else cannot ship to it: users does not show them the entry.
        String stranger = TestTokenIssuer.customer(UUID.randomUUID());
        shop.customerCart(stranger, 1);
        given().auth()
                .oauth2(stranger)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key())
                .body(body)
                .post("/api/checkout")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("shippingAddressId"));

        given().auth()
                .oauth2(bearer)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key())
                .body(body)
                .post("/api/checkout")
                .then()
                .statusCode(201)
                .body("order.shippingAddress.recipientName", equalTo("Grace Customer"))
                .body("order.shippingAddress.city", equalTo("Shelbyville"))
                .body("order.billingAddress.line1", equalTo("2 Side Road"))
                .body("order.email", org.hamcrest.Matchers.endsWith("@example.test"));
    }

    @Test
    void cancellingAPaidOrderRestocksAndRefundsIt() {
        var shop = CheckoutFixture.shop(4);
        UUID customer = UUID.randomUUID();
        String bearer = TestTokenIssuer.customer(customer);
        shop.customerCart(bearer, 2);
        var body = shop.body("pm_card_visa");

        Response placed = given().auth()
                .oauth2(bearer)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key())
                .body(body)
                .post("/api/checkout");
        placed.then().statusCode(201).body("order.userId", equalTo(customer.toString()));
        UUID orderId = UUID.fromString(placed.path("order.id"));
        assertThat(ProductsInventoryStub.free(shop.sku)).isEqualTo(2);

        given().auth()
                .oauth2(bearer)
                .post("/api/orders/" + orderId + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("refundedMinor", equalTo(5490));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(ProductsInventoryStub.reservations.get("order-" + orderId))
                    .isEqualTo("RESTOCKED");
            assertThat(count("select count(*) from payment where order_id = ? and status = 'REFUNDED'", orderId))
                    .isEqualTo(1);
            assertThat(count("select count(*) from refund_request where order_id = ? and state = 'DONE'", orderId))
                    .isEqualTo(1);
        });
        assertThat(ProductsInventoryStub.free(shop.sku)).isEqualTo(4);
    }

    @Test
    void anAdminRefundReachesTheGatewayOnce() {
        var shop = CheckoutFixture.shop(4);
        String cart = shop.guestCart(1);
        Response placed = CheckoutFixture.checkout(cart, key(), shop.body("pm_card_visa"));
        UUID orderId = UUID.fromString(placed.path("order.id"));

        given().auth()
                .oauth2(PricingFixture.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("amountMinor", 1000))
                .post("/api/admin/orders/" + orderId + "/refund")
                .then()
                .statusCode(200)
                .body("status", equalTo("PARTIALLY_REFUNDED"));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(count(
                                "select count(*) from payment where order_id = ? and status = 'PARTIALLY_REFUNDED'"
                                        + " and amount_refunded = 1000",
                                orderId))
                        .isEqualTo(1));
    }

    @Test
    void theReconcilerFailsAnOrderACrashLeftBeforePaymentAndReleasesItsStock() throws SQLException {
        var shop = CheckoutFixture.shop(3);
        String cart = shop.guestCart(1);
        // A checkout whose process died after holding stock: order PENDING_PAYMENT, hold OPEN, no payment.
        Response threeDs = CheckoutFixture.checkout(cart, key(), shop.body("pm_card_threeDSecure2Required"));
        UUID orderId = UUID.fromString(threeDs.path("order.id"));
        execute("delete from payment where order_id = ?", orderId);
        execute("update customer_order set updated_at = now() - interval '10 minutes' where id = ?", orderId);

        reconciler.reconcile();

        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.PAYMENT_FAILED);
        assertThat(ProductsInventoryStub.reservations.get("order-" + orderId)).isEqualTo("RELEASED");
        assertThat(ProductsInventoryStub.free(shop.sku)).isEqualTo(3);
    }

    @Test
    void theReconcilerCommitsStockOfAPaidOrderWhenProductsWasAwayAtCheckout() throws SQLException {
        var shop = CheckoutFixture.shop(3);
        String cart = shop.guestCart(1);
        Response threeDs = CheckoutFixture.checkout(cart, key(), shop.body("pm_card_threeDSecure2Required"));
        UUID orderId = UUID.fromString(threeDs.path("order.id"));
        // Products goes away just as the customer completes 3-D Secure: paid, but the hold is not committed.
        ProductsInventoryStub.failure.set("503");
        completeThreeDSecure(threeDs);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.PAID));
        assertThat(ProductsInventoryStub.reservations.get("order-" + orderId)).isEqualTo("OPEN");

        ProductsInventoryStub.failure.set(null);
        breakers.resetAll();
        execute("update order_saga set updated_at = now() - interval '1 minute' where order_id = ?", orderId);
        reconciler.reconcile();

        assertThat(ProductsInventoryStub.reservations.get("order-" + orderId)).isEqualTo("COMMITTED");
    }

    @Test
    void aPaymentConfirmedForAnOrderThatHadAlreadyFailedIsRefunded() throws SQLException {
        var shop = CheckoutFixture.shop(3);
        String cart = shop.guestCart(1);
        Response threeDs = CheckoutFixture.checkout(cart, key(), shop.body("pm_card_threeDSecure2Required"));
        UUID orderId = UUID.fromString(threeDs.path("order.id"));
        // The payment window passes: the reconciler gives the order up and releases its stock.
        execute(
                "update customer_order set updated_at = now() - interval '20 minutes', created_at = now() - interval"
                        + " '20 minutes' where id = ?",
                orderId);
        reconciler.reconcile();
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.PAYMENT_FAILED);

        // Then the customer completes 3-D Secure after all.
        completeThreeDSecure(threeDs);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(count(
                                "select count(*) from payment where order_id = ? and status = 'REFUNDED'", orderId))
                        .isEqualTo(1));
        assertThat(orders.get(orderId).status()).isEqualTo(OrderStatus.PAYMENT_FAILED);
    }

    /** The shopper passes the sandbox's 3-D Secure challenge, as the storefront would send them to it. */
    private static void completeThreeDSecure(Response checkout) {
        given().contentType(ContentType.JSON)
                .body(Map.of("clientSecret", (String) checkout.path("payment.clientSecret"), "approve", true))
                .post((String) checkout.path("payment.nextActionUrl"))
                .then()
                .statusCode(200);
    }

    private void catalogForget() {
        io.quarkus.arc.Arc.container()
                .instance(com.scalecommerce.orders.catalog.Catalog.class)
                .get()
                .forgetAll();
    }

    private static String key() {
        return "test-" + UUID.randomUUID();
    }

    private List<String> events(UUID orderId) throws SQLException {
        try (var connection = db.getConnection();
                var select = connection.prepareStatement("select type from outbox_event where subject = ?")) {
            select.setString(1, orderId.toString());
            var types = new ArrayList<String>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
            return types;
        }
    }

    private long count(String sql, Object... params) {
        try (var connection = db.getConnection();
                var select = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                select.setObject(i + 1, params[i]);
            }
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql, UUID id) throws SQLException {
        try (var connection = db.getConnection();
                var update = connection.prepareStatement(sql)) {
            update.setObject(1, id);
            update.executeUpdate();
        }
    }
}
