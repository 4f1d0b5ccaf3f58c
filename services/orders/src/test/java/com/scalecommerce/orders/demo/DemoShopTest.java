package com.scalecommerce.orders.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    @Inject
    DemoShop demoShop;

    @Inject
    AgroalDataSource db;

    /** Two replicas starting at once on an empty shop (REPLICAS=2 in Compose): one sets it up, the other waits. */
    @Test
    void twoReplicasStartingTogetherSetUpTheDemoShopOnce() throws Exception {
        execute("delete from shipping_zone"); // areas and methods go with their zone
        execute("delete from tax_rate");
        execute("delete from discount where code = 'WELCOME10'");
        var gate = new CyclicBarrier(2);
        try (var replicas = Executors.newFixedThreadPool(2)) {
            List<Future<?>> starts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                starts.add(replicas.submit(() -> {
                    gate.await();
                    demoShop.onStart(null);
                    return null;
                }));
            }
            for (Future<?> start : starts) {
                start.get(1, TimeUnit.MINUTES); // a replica that failed its start throws here
            }
        }

        assertThat(count("select count(*) from shipping_zone")).isEqualTo(2);
        assertThat(count("select count(*) from shipping_method")).isEqualTo(3);
        assertThat(count("select count(*) from tax_rate")).isEqualTo(3);
        assertThat(count("select count(*) from discount where code = 'WELCOME10'"))
                .isEqualTo(1);
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

    private void execute(String sql) throws SQLException {
        try (var connection = db.getConnection();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (var connection = db.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
