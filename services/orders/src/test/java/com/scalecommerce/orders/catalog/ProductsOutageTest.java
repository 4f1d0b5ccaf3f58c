package com.scalecommerce.orders.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
@QuarkusTestResource(ProductsStub.class)
class ProductsOutageTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void closeTheBreaker() {
        breakers.resetAll();
    }

    @Test
    void aHangingProductsServiceAnswers503WithinTheTimeout() {
        UUID slow = UUID.randomUUID();
        ProductsStub.hanging(slow, 5000);
        long started = System.nanoTime();
        add(slow)
                .then()
                .statusCode(503)
                .header("Retry-After", notNullValue())
                .body("code", equalTo("PRODUCTS_UNAVAILABLE"));
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3500);
    }

    @Test
    void aFailingProductsServiceTripsTheBreakerAndLaterCallsFailFast() {
        UUID broken = UUID.randomUUID();
        ProductsStub.failing(broken, 500);
        for (int i = 0; i < 4; i++) {
            add(broken).then().statusCode(503);
        }
        int callsBefore = ProductsStub.calls(broken);

        long started = System.nanoTime();
        add(broken).then().statusCode(503).header("Retry-After", equalTo("5"));
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(300);
        assertThat(ProductsStub.calls(broken))
                .as("an open breaker does not call products")
                .isEqualTo(callsBefore);

        UUID healthy = ProductsStub.product("Kite", new ProductsStub.Sku("KITE", 999, true));
        add(healthy).then().statusCode(503).body("code", equalTo("PRODUCTS_UNAVAILABLE"));
        breakers.resetAll();
        add(healthy).then().statusCode(200);
    }

    @Test
    void retriesAGetThatFailsOnce() {
        UUID flaky = ProductsStub.product("Flaky", new ProductsStub.Sku("FLAKY", 100, true));
        ProductsStub.failOnce(flaky);
        add(flaky, "FLAKY").then().statusCode(200);
        assertThat(ProductsStub.calls(flaky)).isEqualTo(2);
    }

    private static io.restassured.response.Response add(UUID productId) {
        return add(productId, "KITE");
    }

    private static io.restassured.response.Response add(UUID productId, String sku) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("productId", productId, "sku", sku, "quantity", 1))
                .post("/api/cart/items");
    }
}
