package com.scalecommerce.orders.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
@TestProfile(DemoShopTest.DemoOn.class)
class DemoShopTest {

    public static class DemoOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scalecommerce.orders.demo.enabled", "true");
        }
    }

    @Test
    void theDemoShopShipsToTheUsWithFreeShippingOver75DollarsAndTaxesCalifornia() {
        given().contentType(ContentType.JSON)
                .body(Map.of("country", "US", "region", "CA", "currency", "USD", "subtotalMinor", 8000))
                .post("/api/checkout/shipping-options")
                .then()
                .statusCode(200)
                .body("options.name", hasItems("Standard", "Express"))
                .body("options.find { it.name == 'Standard' }.priceMinor", equalTo(0))
                .body("options.find { it.name == 'Express' }.priceMinor", equalTo(1999));

        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "currency",
                        "USD",
                        "lines",
                        List.of(Map.of("sku", "DEMO", "unitPriceMinor", 10000, "quantity", 1)),
                        "destination",
                        Map.of("country", "US", "region", "CA"),
                        "discountCode",
                        "WELCOME10"))
                .post("/api/checkout/quote")
                .then()
                .statusCode(200)
                .body("discountMinor", equalTo(1000))
                .body("shippingMinor", equalTo(0)) // Standard is free over $75 after the discount ($90)
                .body("taxMinor", equalTo(653)) // 7.25% of $90.00, rounded half-up
                .body("totalMinor", equalTo(9653));

        given().auth()
                .oauth2(TestTokenIssuer.admin(java.util.UUID.randomUUID()))
                .get("/api/admin/shipping/zones")
                .then()
                .statusCode(200)
                .body("items.name", hasItems("United States", "Europe and Canada"));
    }
}
