package com.scalecommerce.orders.cart;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.scalecommerce.orders.catalog.Catalog;
import com.scalecommerce.orders.catalog.ProductsStub;
import com.scalecommerce.orders.catalog.ProductsStub.Sku;
import com.scalecommerce.platform.events.CloudEvent;
import com.scalecommerce.platform.events.EventStreams;
import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
@QuarkusTestResource(ProductsStub.class)
class CartTest {

    @Inject
    Catalog catalog;

    @Inject
    RedisDataSource redis;

    @Inject
    AgroalDataSource db;

    @Test
    void aGuestAddsChangesAndRemovesItemsWithTheCartToken() {
        UUID shirt = ProductsStub.product("Shirt", new Sku("SHIRT-M", 2500, true), new Sku("SHIRT-L", 2700, true));

        Response first = add(given(), shirt, "SHIRT-M", 2);
        first.then()
                .statusCode(200)
                .header(CartToken.HEADER, notNullValue())
                .body("lines", hasSize(1))
                .body("lines[0].name", equalTo("Shirt"))
                .body("lines[0].unitPriceMinor", equalTo(2500))
                .body("lines[0].lineTotalMinor", equalTo(5000))
                .body("lines[0].options.size", equalTo("M"))
                .body("lines[0].image", equalTo("https://img.test/SHIRT-M.jpg"))
                .body("currency", equalTo("EUR"));
        String token = first.header(CartToken.HEADER);
        assertThat(token).hasSizeGreaterThanOrEqualTo(32);

        add(guest(token), shirt, "SHIRT-L", 1).then().statusCode(200).body("subtotalMinor", equalTo(7700));

        guest(token)
                .contentType(ContentType.JSON)
                .body(Map.of("quantity", 3))
                .patch("/api/cart/items/SHIRT-L")
                .then()
                .statusCode(200)
                .body("subtotalMinor", equalTo(5000 + 8100))
                .body("itemCount", equalTo(5));

        guest(token).delete("/api/cart/items/SHIRT-M").then().statusCode(200).body("lines", hasSize(1));

        guest(token)
                .get("/api/cart")
                .then()
                .statusCode(200)
                .body("lines[0].sku", equalTo("SHIRT-L"))
                .body("lines[0].quantity", equalTo(3))
                .body("totalMinor", equalTo(8100));
        given().get("/api/cart").then().statusCode(200).body("lines", hasSize(0));
    }

    @Test
    void changesStillWorkAfterRedisForgetsTheCartScripts() {
        UUID kite = ProductsStub.product("Kite", new Sku("KITE", 3100, true));
        String token =
                add(given(), kite, "KITE", 1).then().statusCode(200).extract().header(CartToken.HEADER);

        // A change names its script by SHA-1 (EVALSHA) instead of sending it.
        long byHash = evalshaCalls();
        add(guest(token), kite, "KITE", 1).then().statusCode(200).body("lines[0].quantity", equalTo(2));
        assertThat(evalshaCalls()).isGreaterThan(byHash);

        // As after a Redis restart: the scripts run by their SHA-1 are gone, so each is sent once more in full.
        redis.execute("SCRIPT", "FLUSH");
        add(guest(token), kite, "KITE", 1).then().statusCode(200).body("lines[0].quantity", equalTo(3));
        assertThat(redis.execute("SCRIPT", "EXISTS", CartStore.ADD.sha1())
                        .get(0)
                        .toInteger())
                .as("the add script is cached again")
                .isEqualTo(1);
        redis.execute("SCRIPT", "FLUSH");
        guest(token).delete("/api/cart/items/KITE").then().statusCode(200).body("lines", hasSize(0));
    }

    private long evalshaCalls() {
        String stats = redis.execute("INFO", "commandstats").toString();
        var calls = Pattern.compile("cmdstat_evalsha:calls=(\\d+)").matcher(stats);
        return calls.find() ? Long.parseLong(calls.group(1)) : 0;
    }

    @Test
    void aClientPreferringAMinimalAnswerGetsNoContentAndTheChangeStillHappens() {
        UUID cap = ProductsStub.product("Cap", new Sku("CAP", 1200, true));

        Response added = add(given().header("Prefer", "return=minimal"), cap, "CAP", 2);
        added.then()
                .statusCode(204)
                .header("Preference-Applied", "return=minimal")
                .header(CartToken.HEADER, notNullValue());
        assertThat(added.asString()).isEmpty();
        String token = added.header(CartToken.HEADER);

        guest(token)
                .header("Prefer", "return=minimal")
                .contentType(ContentType.JSON)
                .body(Map.of("quantity", 3))
                .patch("/api/cart/items/CAP")
                .then()
                .statusCode(204);
        guest(token).get("/api/cart").then().statusCode(200).body("lines[0].quantity", equalTo(3));

        guest(token)
                .header("Prefer", "return=minimal")
                .delete("/api/cart/items/CAP")
                .then()
                .statusCode(204);
        guest(token).get("/api/cart").then().statusCode(200).body("lines", hasSize(0));
        // Refusals are the same problem answers either way.
        guest(token)
                .header("Prefer", "return=minimal")
                .delete("/api/cart/items/CAP")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aGuestCartTokenThatIsNotOursIsRefused() {
        given().header(CartToken.HEADER, "short")
                .get("/api/cart")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_CART_TOKEN"));
    }

    @Test
    void aCustomerHasTheirOwnCartAcrossRequests() {
        UUID mug = ProductsStub.product("Mug", new Sku("MUG", 900, true));
        UUID me = UUID.randomUUID();
        add(customer(me), mug, "MUG", 2).then().statusCode(200).header(CartToken.HEADER, nullValue());

        customer(me).get("/api/cart").then().body("lines[0].quantity", equalTo(2));
        customer(UUID.randomUUID()).get("/api/cart").then().body("lines", hasSize(0));
    }

    @Test
    void anAdminOrServiceTokenCannotUseACart() {
        given().auth()
                .oauth2(TestTokenIssuer.admin(UUID.randomUUID()))
                .get("/api/cart")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokenIssuer.service("web", "inventory"))
                .get("/api/cart")
                .then()
                .statusCode(403);
    }

    @Test
    void aClientSentPriceIsRefusedAndPricesComeFromProducts() {
        UUID hat = ProductsStub.product("Hat", new Sku("HAT", 1500, true));
        given().contentType(ContentType.JSON)
                .body(Map.of("productId", hat, "sku", "HAT", "quantity", 1, "unitPriceMinor", 1))
                .post("/api/cart/items")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        String token = add(given(), hat, "HAT", 1).header(CartToken.HEADER);
        ProductsStub.serve(hat, "EUR", "Hat", new Sku("HAT", 1800, true));
        catalog.forgetAll();

        guest(token)
                .get("/api/cart")
                .then()
                .body("lines[0].unitPriceMinor", equalTo(1800))
                .body("lines[0].priceChanged", equalTo(true))
                .body("lines[0].previousUnitPriceMinor", equalTo(1500))
                .body("subtotalMinor", equalTo(1800))
                .body("needsAttention", equalTo(true));
    }

    @Test
    void anUnavailableSkuIsRefusedAndALineThatSellsOutIsFlagged() {
        UUID lamp = ProductsStub.product("Lamp", new Sku("LAMP", 4000, true), new Sku("LAMP-RED", 4000, false));
        add(given(), lamp, "LAMP-RED", 1).then().statusCode(409).body("code", equalTo("OUT_OF_STOCK"));

        String token = add(given(), lamp, "LAMP", 1).header(CartToken.HEADER);
        ProductsStub.serve(lamp, "EUR", "Lamp", new Sku("LAMP", 4000, false));
        catalog.forgetAll();
        guest(token)
                .get("/api/cart")
                .then()
                .body("lines[0].available", equalTo(false))
                .body("lines[0].lineTotalMinor", equalTo(0))
                .body("subtotalMinor", equalTo(0));
    }

    @Test
    void unknownProductsAndSkusOfAnotherProductAreNotFound() {
        UUID pen = ProductsStub.product("Pen", new Sku("PEN", 200, true));
        add(given(), UUID.randomUUID(), "PEN", 1).then().statusCode(404).body("code", equalTo("PRODUCT_NOT_FOUND"));
        add(given(), pen, "NOT-A-PEN", 1).then().statusCode(404).body("code", equalTo("SKU_NOT_FOUND"));
    }

    @Test
    void aLineHoldsAtMostTheOrderLimit() {
        UUID sock = ProductsStub.product("Sock", new Sku("SOCK", 300, true));
        String token = add(given(), sock, "SOCK", 8).header(CartToken.HEADER);
        add(guest(token), sock, "SOCK", 3).then().statusCode(409).body("code", equalTo("QUANTITY_LIMIT_EXCEEDED"));
        add(guest(token), sock, "SOCK", 2).then().statusCode(200).body("lines[0].quantity", equalTo(10));
        guest(token)
                .contentType(ContentType.JSON)
                .body(Map.of("quantity", 11))
                .patch("/api/cart/items/SOCK")
                .then()
                .statusCode(409)
                .body("code", equalTo("QUANTITY_LIMIT_EXCEEDED"));
        add(given(), sock, "SOCK", 0).then().statusCode(400);
    }

    @Test
    void aCartHoldsAtMostAHundredDifferentItems() {
        var skus = new Sku[101];
        for (int i = 0; i < skus.length; i++) {
            skus[i] = new Sku("BEAD-" + i, 10, true);
        }
        UUID beads = ProductsStub.product("Beads", skus);
        UUID me = UUID.randomUUID();
        for (int i = 0; i < 100; i++) {
            add(customer(me), beads, "BEAD-" + i, 1).then().statusCode(200);
        }
        add(customer(me), beads, "BEAD-100", 1).then().statusCode(409).body("code", equalTo("CART_FULL"));
        add(customer(me), beads, "BEAD-7", 1).then().statusCode(200).body("itemCount", equalTo(101));
    }

    @Test
    void aCartStaysInOneCurrency() {
        UUID euro = ProductsStub.product("Scarf", new Sku("SCARF", 2000, true));
        UUID pound = UUID.randomUUID();
        ProductsStub.serve(pound, "GBP", "Gloves", new Sku("GLOVES", 1500, true));
        String token = add(given(), euro, "SCARF", 1).header(CartToken.HEADER);
        add(guest(token), pound, "GLOVES", 1).then().statusCode(409).body("code", equalTo("CURRENCY_MISMATCH"));
    }

    @Test
    void changingOrRemovingALineTheCartDoesNotHaveIsNotFound() {
        UUID me = UUID.randomUUID();
        customer(me).delete("/api/cart/items/NOPE").then().statusCode(404).body("code", equalTo("CART_LINE_NOT_FOUND"));
        customer(me)
                .contentType(ContentType.JSON)
                .body(Map.of("quantity", 2))
                .patch("/api/cart/items/NOPE")
                .then()
                .statusCode(404)
                .body("code", equalTo("CART_LINE_NOT_FOUND"));
        given().delete("/api/cart/items/NOPE").then().statusCode(404).body("code", equalTo("CART_NOT_FOUND"));
    }

    @Test
    void settingAQuantityToZeroRemovesTheLine() {
        UUID pin = ProductsStub.product("Pin", new Sku("PIN", 100, true));
        UUID me = UUID.randomUUID();
        add(customer(me), pin, "PIN", 3).then().statusCode(200);
        customer(me)
                .contentType(ContentType.JSON)
                .body(Map.of("quantity", 0))
                .patch("/api/cart/items/PIN")
                .then()
                .statusCode(200)
                .body("lines", hasSize(0));
        assertThat(redis.key().exists(CartStore.key(CartOwner.user(me).cartId())))
                .isFalse();
    }

    @Test
    void pricingStepsAdjustTheTotalOfTheCartView() {
        UUID promo = ProductsStub.product("Promo", new Sku("PROMO", 1000, true));
        add(given(), promo, "PROMO", 2)
                .then()
                .statusCode(200)
                .body("subtotalMinor", equalTo(2000))
                .body("adjustments[0].kind", equalTo("DISCOUNT"))
                .body("adjustments[0].code", equalTo("TEST_PROMO"))
                .body("adjustments[0].amountMinor", equalTo(-100))
                .body("totalMinor", equalTo(1900));
    }

    @Test
    void concurrentCartReadsShareOneProductLookup() throws Exception {
        UUID vase = ProductsStub.product("Vase", new Sku("VASE", 6000, true));
        String token = add(given(), vase, "VASE", 1).header(CartToken.HEADER);
        catalog.forgetAll();
        int before = ProductsStub.calls(vase);
        List<Callable<Integer>> reads = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            reads.add(() -> guest(token).get("/api/cart").statusCode());
        }
        try (var pool = Executors.newFixedThreadPool(30)) {
            for (Future<Integer> f : pool.invokeAll(reads)) {
                assertThat(f.get()).isEqualTo(200);
            }
        }
        assertThat(ProductsStub.calls(vase) - before).isEqualTo(1);
    }

    @Test
    void aForgedBearerTokenIsRefused() {
        given().auth().oauth2("not.a.jwt").get("/api/cart").then().statusCode(401);
    }

    @Test
    void signingInMergesTheGuestCartIntoTheCustomersAndDeletesIt() {
        UUID cap = ProductsStub.product("Cap", new Sku("CAP", 1000, true));
        UUID bag = ProductsStub.product("Bag", new Sku("BAG", 5000, true));
        UUID me = UUID.randomUUID();
        add(customer(me), cap, "CAP", 7).then().statusCode(200);
        String token = add(given(), cap, "CAP", 6).header(CartToken.HEADER);
        add(guest(token), bag, "BAG", 1).then().statusCode(200);

        given().auth()
                .oauth2(TestTokenIssuer.customer(me))
                .header(CartToken.HEADER, token)
                .post("/api/cart/merge")
                .then()
                .statusCode(200)
                .body("lines.find { it.sku == 'CAP' }.quantity", equalTo(10))
                .body("lines.find { it.sku == 'BAG' }.quantity", equalTo(1));

        assertThat(redis.key()
                        .exists(CartStore.key(
                                CartOwner.guest(new CartToken(token)).cartId())))
                .isFalse();
        guest(token).get("/api/cart").then().body("lines", hasSize(0));
        assertThat(redis.key().pttl(CartStore.key(CartOwner.user(me).cartId())))
                .isGreaterThan(Duration.ofDays(29).toMillis());
        given().header(CartToken.HEADER, token).post("/api/cart/merge").then().statusCode(401);
        given().auth()
                .oauth2(TestTokenIssuer.admin(me))
                .header(CartToken.HEADER, token)
                .post("/api/cart/merge")
                .then()
                .statusCode(403);
    }

    @Test
    void concurrentAddsToOneCartLoseNoUpdateAndStopAtTheLimit() throws Exception {
        UUID tee = ProductsStub.product("Tee", new Sku("TEE", 1200, true));
        UUID me = UUID.randomUUID();
        List<Callable<Integer>> adds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            adds.add(() -> add(customer(me), tee, "TEE", 1).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(50)) {
            for (Future<Integer> f : pool.invokeAll(adds)) {
                statuses.add(f.get());
            }
        }
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(10);
        customer(me).get("/api/cart").then().body("lines[0].quantity", equalTo(10));
    }

    @Test
    void everyReadAndWriteSetsThirtyDaysToLive() {
        UUID cup = ProductsStub.product("Cup", new Sku("CUP", 700, true));
        UUID me = UUID.randomUUID();
        add(customer(me), cup, "CUP", 1).then().statusCode(200);
        String key = CartStore.key(CartOwner.user(me).cartId());
        assertThat(redis.key().pttl(key))
                .isBetween(Duration.ofDays(29).toMillis(), Duration.ofDays(30).toMillis());

        redis.key().pexpire(key, Duration.ofMinutes(1));
        customer(me).get("/api/cart").then().statusCode(200);
        assertThat(redis.key().pttl(key)).isGreaterThan(Duration.ofDays(29).toMillis());
    }

    @Test
    void anAddPublishesCartItemAddedOnTheOrdersStreamAndARefusedAddPublishesNothing() {
        UUID fan = ProductsStub.product("Fan", new Sku("FAN", 3000, true));
        UUID me = UUID.randomUUID();
        add(customer(me), fan, "FAN", 2).then().statusCode(200);
        add(customer(me), fan, "FAN", 20).then().statusCode(409);

        // The store's script puts the event on the stream with the change: it is there when the answer is.
        List<CloudEvent> published =
                redis.stream(String.class).xrange(EventStreams.ofService("orders"), StreamRange.of("-", "+")).stream()
                        .map(entry -> CloudEvent.fromJson(entry.payload().get("event")))
                        .filter(e -> e.type().equals(Carts.ITEM_ADDED) && ("u:" + me).equals(e.subject()))
                        .toList();
        assertThat(published).as("a refused add publishes nothing").hasSize(1);
        var data = published.getFirst().data();
        assertThat(published.getFirst().source()).isEqualTo("/orders");
        assertThat(data.get("userId").asText()).isEqualTo(me.toString());
        assertThat(data.get("sku").asText()).isEqualTo("FAN");
        assertThat(data.get("productId").asText()).isEqualTo(fan.toString());
        assertThat(data.get("quantity").asInt()).isEqualTo(2);
        assertThat(data.get("cartId").asText()).isEqualTo("u:" + me);
        assertThat(outboxRows(Carts.ITEM_ADDED))
                .as("no outbox row: the cart is not in PostgreSQL")
                .isZero();
    }

    private long outboxRows(String type) {
        try (var connection = db.getConnection();
                var count = connection.prepareStatement("select count(*) from outbox_event where type = ?")) {
            count.setString(1, type);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response add(RequestSpecification request, UUID productId, String sku, int quantity) {
        return request.contentType(ContentType.JSON)
                .body(Map.of("productId", productId, "sku", sku, "quantity", quantity))
                .post("/api/cart/items");
    }

    private static RequestSpecification guest(String token) {
        return given().header(CartToken.HEADER, token);
    }

    private static RequestSpecification customer(UUID id) {
        return given().auth().oauth2(TestTokenIssuer.customer(id));
    }
}
