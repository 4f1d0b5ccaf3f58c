package com.scalecommerce.orders.checkout;

import static io.restassured.RestAssured.given;

import com.scalecommerce.orders.cart.CartToken;
import com.scalecommerce.orders.catalog.ProductsStub;
import com.scalecommerce.orders.pricing.PricingFixture;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A shop ready to sell: a product served by the products stub, a shipping zone for a fresh country. */
final class CheckoutFixture {

    final String sku;
    final UUID productId;
    final String country;
    final String methodId;

    private CheckoutFixture(String sku, UUID productId, String country, String methodId) {
        this.sku = sku;
        this.productId = productId;
        this.country = country;
        this.methodId = methodId;
    }

    /** A EUR product at 25.00 with {@code stock} units, shipping 4.90 flat to a country of its own. */
    static CheckoutFixture shop(int stock) {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        UUID product = ProductsStub.product("Mug " + sku, new ProductsStub.Sku(sku, 2500, true));
        ProductsInventoryStub.stock.put(sku, stock);
        String country = PricingFixture.newCountry();
        String zone = PricingFixture.zone("Zone " + country, java.util.List.of(Map.of("country", country)));
        String method = PricingFixture.method(
                zone,
                Map.of(
                        "name",
                        "Standard",
                        "kind",
                        "FLAT",
                        "currency",
                        "EUR",
                        "rateMinor",
                        490,
                        "minDays",
                        2,
                        "maxDays",
                        4));
        return new CheckoutFixture(sku, product, country, method);
    }

    /** A new guest cart holding {@code quantity} of the product; returns its token. */
    String guestCart(int quantity) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("productId", productId, "sku", sku, "quantity", quantity))
                .post("/api/cart/items")
                .then()
                .statusCode(200)
                .extract()
                .header(CartToken.HEADER);
    }

    void customerCart(String bearer, int quantity) {
        given().auth()
                .oauth2(bearer)
                .contentType(ContentType.JSON)
                .body(Map.of("productId", productId, "sku", sku, "quantity", quantity))
                .post("/api/cart/items")
                .then()
                .statusCode(200);
    }

    Map<String, Object> body(String paymentMethod) {
        var body = new HashMap<String, Object>();
        body.put("email", "shopper@example.test");
        body.put(
                "shippingAddress",
                Map.of(
                        "recipientName", "Ada Shopper",
                        "line1", "1 Main Street",
                        "city", "Springfield",
                        "postalCode", "12345",
                        "country", country));
        body.put("shippingMethodId", methodId);
        body.put("paymentMethod", paymentMethod);
        return body;
    }

    static RequestSpecification guest(String cartToken, String key) {
        var spec = given().contentType(ContentType.JSON).header(CartToken.HEADER, cartToken);
        return key == null ? spec : spec.header("Idempotency-Key", key);
    }

    static Response checkout(String cartToken, String key, Map<String, Object> body) {
        return guest(cartToken, key).body(body).post("/api/checkout");
    }
}
