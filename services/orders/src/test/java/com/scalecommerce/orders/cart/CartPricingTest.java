package com.scalecommerce.orders.cart;

import static com.scalecommerce.orders.pricing.PricingFixture.discount;
import static com.scalecommerce.orders.pricing.PricingFixture.flat;
import static com.scalecommerce.orders.pricing.PricingFixture.method;
import static com.scalecommerce.orders.pricing.PricingFixture.newCode;
import static com.scalecommerce.orders.pricing.PricingFixture.newIsoCountry;
import static com.scalecommerce.orders.pricing.PricingFixture.taxRate;
import static com.scalecommerce.orders.pricing.PricingFixture.zone;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.scalecommerce.orders.catalog.ProductsStub;
import com.scalecommerce.orders.catalog.ProductsStub.Sku;
import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The cart view's discount code, shipping estimate, tax and total, priced by the pricing package. */
@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
@QuarkusTestResource(ProductsStub.class)
class CartPricingTest {

    @Inject
    RedisDataSource redis;

    @Test
    void theViewShowsDiscountShippingAndTaxAndTheTotalTheQuoteCharges() {
        String country = newIsoCountry();
        String zoneId = zone("Home", List.of(Map.of("country", country)));
        method(zoneId, flat("Standard", 990, 2, 4));
        method(zoneId, express("Express", 1990));
        // Cheaper, but only for parcels up to 1 kg: the cart below weighs 1.3 kg, so products' weights must count.
        method(zoneId, lightParcel("Letter parcel", 1000, 490));
        taxRate(country, "", "10", true);
        taxRate(country, "BY", "20", true);
        String code = newCode("CART");
        discount(Map.of("code", code, "kind", "PERCENTAGE", "percentOff", 10));
        UUID shirt = usd("Shirt", new Sku("SHIRT", 2500, true, 400));
        UUID mug = usd("Mug", new Sku("MUG", 1299, true, 500));

        String token = add(given(), shirt, "SHIRT", 2).header(CartToken.HEADER);
        add(guest(token), mug, "MUG", 1).then().statusCode(200);
        chooseDestination(guest(token), country.toLowerCase(), country.toLowerCase() + "-by")
                .then()
                .statusCode(200)
                .body("destination.country", equalTo(country))
                .body("destination.region", equalTo("BY"))
                .body("destination.source", equalTo("CHOSEN"));
        applyCode(guest(token), code.toLowerCase()).then().statusCode(200).body("discountCode", equalTo(code));

        JsonPath view =
                guest(token).get("/api/cart").then().statusCode(200).extract().jsonPath();
        JsonPath quote = quote(Map.of(
                        "currency",
                        "USD",
                        "lines",
                        List.of(line("SHIRT", 2500, 2, 400), line("MUG", 1299, 1, 500)),
                        "destination",
                        Map.of("country", country, "region", "BY"),
                        "discountCode",
                        code))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        long subtotal = 2 * 2500 + 1299;
        long discountAmount = 630; // 10 % of 6299, half-up
        // The discount spreads 500 / 130 over the lines; 20 % of 4500, of 1169 (233.8) and of shipping 990.
        long tax = 900 + 234 + 198;
        assertThat(view.getLong("subtotalMinor")).isEqualTo(subtotal);
        assertThat(adjustment(view, "DISCOUNT"))
                .containsEntry("code", code)
                .containsEntry("amountMinor", (int) -discountAmount)
                .containsEntry("included", false);
        assertThat(adjustment(view, "SHIPPING"))
                .containsEntry("label", "Standard")
                .containsEntry("amountMinor", 990);
        assertThat(adjustment(view, "TAX")).containsEntry("label", "Tax 20%").containsEntry("included", false);
        assertThat(((Number) adjustment(view, "DISCOUNT").get("amountMinor")).longValue())
                .isEqualTo(-quote.getLong("discountMinor"));
        assertThat(((Number) adjustment(view, "SHIPPING").get("amountMinor")).longValue())
                .isEqualTo(quote.getLong("shippingMinor"));
        assertThat(((Number) adjustment(view, "TAX").get("amountMinor")).longValue())
                .isEqualTo(quote.getLong("taxMinor"))
                .isEqualTo(tax);
        assertThat(view.getLong("totalMinor"))
                .isEqualTo(quote.getLong("totalMinor"))
                .isEqualTo(subtotal - discountAmount + 990 + tax);
        assertThat(view.getObject("discountProblem", Object.class)).isNull();
        assertThat(view.getBoolean("needsAttention")).isFalse();

        guest(token)
                .delete("/api/cart/discount-code")
                .then()
                .statusCode(200)
                .body("discountCode", nullValue())
                .body("adjustments.kind", equalTo(List.of("SHIPPING", "TAX")));
        guest(token)
                .delete("/api/cart/destination")
                .then()
                .statusCode(200)
                .body("destination", nullValue())
                .body("adjustments", hasSize(0))
                .body("totalMinor", equalTo((int) subtotal));
    }

    @Test
    void aCodeThatStoppedApplyingIsShownWithTheReasonAndNoDiscount() {
        String country = newIsoCountry();
        method(zone("Home", List.of(Map.of("country", country))), flat("Standard", 500, 1, 2));
        String minimum = newCode("MIN");
        discount(Map.of(
                "code", minimum, "kind", "FIXED", "amountOffMinor", 1000, "currency", "USD", "minSubtotalMinor", 5000));
        UUID lamp = usd("Lamp", new Sku("LAMP", 3000, true));
        UUID me = UUID.randomUUID();
        add(customer(me), lamp, "LAMP", 2).then().statusCode(200);
        chooseDestination(customer(me), country, null).then().statusCode(200);
        applyCode(customer(me), minimum).then().statusCode(200).body("totalMinor", equalTo(6000 - 1000 + 500));

        customer(me)
                .contentType(ContentType.JSON)
                .body(Map.of("quantity", 1))
                .patch("/api/cart/items/LAMP")
                .then()
                .statusCode(200)
                .body("discountCode", equalTo(minimum))
                .body("discountProblem.code", equalTo("DISCOUNT_MIN_SUBTOTAL"))
                .body("adjustments.kind", equalTo(List.of("SHIPPING", "TAX")))
                .body("totalMinor", equalTo(3000 + 500))
                .body("needsAttention", equalTo(true));

        // The shop ends the code after the shopper entered it: GET still answers, without the discount.
        String expiring = newCode("END");
        Map<String, Object> body = new HashMap<>(Map.of("code", expiring, "kind", "PERCENTAGE", "percentOff", 50));
        String id = discount(body);
        applyCode(customer(me), expiring).then().statusCode(200).body("totalMinor", equalTo(1500 + 500));
        body.put("endsAt", OffsetDateTime.now().minusMinutes(1).toString());
        given().auth()
                .oauth2(TestTokenIssuer.admin(UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/admin/discounts/" + id)
                .then()
                .statusCode(200);
        customer(me)
                .get("/api/cart")
                .then()
                .statusCode(200)
                .body("discountCode", equalTo(expiring))
                .body("discountProblem.code", equalTo("DISCOUNT_EXPIRED"))
                .body("discountProblem.detail", equalTo("This code has expired."))
                .body("adjustments.find { it.kind == 'DISCOUNT' }", nullValue())
                .body("totalMinor", equalTo(3000 + 500));
    }

    @Test
    void aCodeThatDoesNotApplyNowIsRefusedAndNotKept() {
        String expired = newCode("OLD");
        discount(Map.of(
                "code",
                expired,
                "kind",
                "PERCENTAGE",
                "percentOff",
                5,
                "startsAt",
                OffsetDateTime.now().minusDays(2).toString(),
                "endsAt",
                OffsetDateTime.now().minusDays(1).toString()));
        UUID cap = usd("Cap", new Sku("CAP", 1500, true));
        String token = add(given(), cap, "CAP", 1).header(CartToken.HEADER);

        applyCode(guest(token), expired)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("DISCOUNT_EXPIRED"));
        applyCode(guest(token), "NO-SUCH-CODE").then().statusCode(422).body("code", equalTo("DISCOUNT_NOT_FOUND"));
        applyCode(guest(token), " ").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        guest(token).get("/api/cart").then().body("discountCode", nullValue()).body("totalMinor", equalTo(1500));

        applyCode(given(), expired).then().statusCode(404).body("code", equalTo("CART_NOT_FOUND"));
        String empty = CartToken.generate().value();
        applyCode(guest(empty), expired).then().statusCode(409).body("code", equalTo("CART_EMPTY"));
    }

    @Test
    void aDestinationMustBeAnIsoCountry() {
        UUID me = UUID.randomUUID();
        for (String country : new String[] {"XX", "Germany", "D", "", "UK"}) {
            chooseDestination(customer(me), country, null)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors[0].field", equalTo("country"));
        }
        customer(me)
                .contentType(ContentType.JSON)
                .body(Map.of("region", "BY"))
                .put("/api/cart/destination")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("country"));
        chooseDestination(customer(me), "DE", "Bavaria")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("region"));
        customer(me)
                .contentType(ContentType.JSON)
                .body(Map.of("country", "DE", "city", "Munich"))
                .put("/api/cart/destination")
                .then()
                .statusCode(400);
        customer(me).get("/api/cart").then().body("destination", nullValue());

        // A destination may come before the first item, and an empty cart still has one.
        chooseDestination(customer(me), "zw", null)
                .then()
                .statusCode(200)
                .body("destination.country", equalTo("ZW"))
                .body("destination.region", nullValue())
                .body("lines", hasSize(0));
    }

    @Test
    void signingInKeepsTheCustomersChoicesAndTakesTheGuestsWhereTheCustomerHasNone() {
        String mine = newIsoCountry();
        String theirs = newIsoCountry();
        String code = newCode("MERGE");
        discount(Map.of("code", code, "kind", "PERCENTAGE", "percentOff", 10));
        UUID bag = usd("Bag", new Sku("BAG", 5000, true));
        UUID me = UUID.randomUUID();
        add(customer(me), bag, "BAG", 1).then().statusCode(200);
        chooseDestination(customer(me), mine, null).then().statusCode(200);

        String token = add(given(), bag, "BAG", 1).header(CartToken.HEADER);
        chooseDestination(guest(token), theirs, null).then().statusCode(200);
        applyCode(guest(token), code).then().statusCode(200);

        given().auth()
                .oauth2(TestTokenIssuer.customer(me))
                .header(CartToken.HEADER, token)
                .post("/api/cart/merge")
                .then()
                .statusCode(200)
                .body("lines[0].quantity", equalTo(2))
                .body("destination.country", equalTo(mine))
                .body("discountCode", equalTo(code))
                .body("adjustments.find { it.kind == 'DISCOUNT' }.amountMinor", equalTo(-1000));
        assertThat(redis.key()
                        .exists(CartStore.key(
                                CartOwner.guest(new CartToken(token)).cartId())))
                .isFalse();

        // A guest cart holding only a choice still hands it over.
        UUID other = UUID.randomUUID();
        String onlyChoice = CartToken.generate().value();
        chooseDestination(guest(onlyChoice), theirs, "Q").then().statusCode(200);
        given().auth()
                .oauth2(TestTokenIssuer.customer(other))
                .header(CartToken.HEADER, onlyChoice)
                .post("/api/cart/merge")
                .then()
                .statusCode(200)
                .body("destination.country", equalTo(theirs))
                .body("destination.region", equalTo("Q"));
    }

    @Test
    void choicesLiveAndDieWithTheCart() {
        String code = newCode("TTL");
        discount(Map.of("code", code, "kind", "PERCENTAGE", "percentOff", 10));
        UUID cup = usd("Cup", new Sku("CUP", 700, true));
        UUID me = UUID.randomUUID();
        String key = CartStore.key(CartOwner.user(me).cartId());
        add(customer(me), cup, "CUP", 1).then().statusCode(200);

        redis.key().pexpire(key, Duration.ofMinutes(1));
        chooseDestination(customer(me), "ZW", null).then().statusCode(200);
        assertThat(redis.key().pttl(key)).isGreaterThan(Duration.ofDays(29).toMillis());

        redis.key().pexpire(key, Duration.ofMinutes(1));
        applyCode(customer(me), code).then().statusCode(200);
        assertThat(redis.key().pttl(key)).isGreaterThan(Duration.ofDays(29).toMillis());

        redis.key().pexpire(key, Duration.ofMinutes(1));
        customer(me).delete("/api/cart/discount-code").then().statusCode(200);
        assertThat(redis.key().pttl(key)).isGreaterThan(Duration.ofDays(29).toMillis());
        applyCode(customer(me), code).then().statusCode(200);

        // Removing the last line leaves the choices for the next item; adding it back keeps within the limits.
        customer(me).delete("/api/cart/items/CUP").then().statusCode(200).body("discountCode", equalTo(code));
        assertThat(redis.key().pttl(key)).isGreaterThan(Duration.ofDays(29).toMillis());
        add(customer(me), cup, "CUP", 1)
                .then()
                .statusCode(200)
                .body("destination.country", equalTo("ZW"))
                .body("adjustments.find { it.kind == 'DISCOUNT' }.amountMinor", equalTo(-70));

        // When the cart's time is up, its choices go with it.
        redis.key().pexpire(key, Duration.ofMillis(1));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(2))
                .until(() -> !redis.key().exists(key));
        customer(me)
                .get("/api/cart")
                .then()
                .body("lines", hasSize(0))
                .body("discountCode", nullValue())
                .body("destination", nullValue());
    }

    @Test
    void choicesDoNotCountAsLinesAgainstTheCartLimits() {
        var skus = new Sku[101];
        for (int i = 0; i < skus.length; i++) {
            skus[i] = new Sku("RING-" + i, 10, true);
        }
        UUID rings = usd("Rings", skus);
        UUID me = UUID.randomUUID();
        chooseDestination(customer(me), "ZW", null).then().statusCode(200);
        for (int i = 0; i < 100; i++) {
            add(customer(me), rings, "RING-" + i, 1).then().statusCode(200);
        }
        add(customer(me), rings, "RING-100", 1).then().statusCode(409).body("code", equalTo("CART_FULL"));
        customer(me).get("/api/cart").then().body("lines", hasSize(100));

        // A cart holding only choices takes items in any currency.
        UUID other = UUID.randomUUID();
        chooseDestination(customer(other), "ZW", null).then().statusCode(200);
        add(customer(other), ProductsStub.product("Euro item", new Sku("EURO", 100, true)), "EURO", 1)
                .then()
                .statusCode(200)
                .body("currency", equalTo("EUR"));
    }

    static Map<String, Object> express(String name, long rate) {
        return Map.of(
                "name", name, "kind", "EXPRESS", "currency", "USD", "rateMinor", rate, "minDays", 1, "maxDays", 1);
    }

    static Map<String, Object> lightParcel(String name, long upToGrams, long rate) {
        return Map.of(
                "name",
                name,
                "kind",
                "WEIGHT",
                "currency",
                "USD",
                "weightBands",
                List.of(Map.of("upToGrams", upToGrams, "rateMinor", rate)),
                "minDays",
                3,
                "maxDays",
                6);
    }

    static Map<String, Object> line(String sku, long unitPrice, int quantity, int weight) {
        return Map.of("sku", sku, "unitPriceMinor", unitPrice, "quantity", quantity, "weightGrams", weight);
    }

    static Response quote(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/checkout/quote");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> adjustment(JsonPath view, String kind) {
        List<Map<String, Object>> all = view.getList("adjustments");
        return all.stream()
                .filter(a -> kind.equals(a.get("kind")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " adjustment in " + all));
    }

    static UUID usd(String name, Sku... skus) {
        UUID id = UUID.randomUUID();
        ProductsStub.serve(id, "USD", name, skus);
        return id;
    }

    static Response add(RequestSpecification request, UUID productId, String sku, int quantity) {
        return request.contentType(ContentType.JSON)
                .body(Map.of("productId", productId, "sku", sku, "quantity", quantity))
                .post("/api/cart/items");
    }

    static Response applyCode(RequestSpecification request, String code) {
        return request.contentType(ContentType.JSON).body(Map.of("code", code)).put("/api/cart/discount-code");
    }

    static Response chooseDestination(RequestSpecification request, String country, String region) {
        Map<String, Object> body = new HashMap<>();
        body.put("country", country);
        if (region != null) {
            body.put("region", region);
        }
        return request.contentType(ContentType.JSON).body(body).put("/api/cart/destination");
    }

    static RequestSpecification guest(String token) {
        return given().header(CartToken.HEADER, token);
    }

    static RequestSpecification customer(UUID id) {
        return given().auth().oauth2(TestTokenIssuer.customer(id));
    }
}
