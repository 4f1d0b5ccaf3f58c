package com.scalecommerce.analytics.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.scalecommerce.analytics.Events;
import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// This class owns the year 2044 of the shared test database, SKUs starting with its own prefix and currency ZZI.
@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class InventoryReportTest {

    private static final String CURRENCY = "ZZI";
    private static final String PREFIX = "INV-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private static final String A = PREFIX + "A", B = PREFIX + "B", C = PREFIX + "C", D = PREFIX + "D";
    private static final String E = PREFIX + "E";
    // 30 days, so units sold per day are units / 30.
    private static final String RANGE = "from=2044-01-01&to=2044-01-31&sku=" + PREFIX;
    private static final UUID PRODUCT = UUID.randomUUID();
    private static volatile boolean published;

    @Inject
    RedisDataSource redis;

    @Inject
    AgroalDataSource db;

    private final String admin = TestTokenIssuer.admin(UUID.randomUUID());

    /*
     * A: 10 on hand (2 reserved), threshold 10, 30 sold in the range. B: sold out after 5. C: 100 on hand, none
     * sold. D: 4 on hand (3 available), sold only outside the range or in a cancelled order. E: no price known.
     */
    @BeforeEach
    void publishTheWorkloadOnce() {
        if (published) {
            return;
        }
        var events = new Events(redis);
        Instant t = Instant.parse("2044-01-01T00:00:00Z");
        events.publish(
                "products",
                "product.created",
                PRODUCT.toString(),
                t,
                Map.of(
                        "productId",
                        PRODUCT,
                        "name",
                        "Stock test mug",
                        "currency",
                        CURRENCY,
                        "categoryIds",
                        List.of(),
                        "status",
                        "ACTIVE",
                        "variants",
                        List.of(
                                Map.of("sku", A, "priceMinor", 1_000),
                                Map.of("sku", B, "priceMinor", 250),
                                Map.of("sku", C, "priceMinor", 99),
                                Map.of("sku", D, "priceMinor", 500))));
        Instant now = Instant.parse("2044-01-30T12:00:00Z");
        stock(events, "inventory.low", A, 10, 2, 10, now);
        stock(events, "inventory.adjusted", B, 0, 0, null, now);
        stock(events, "inventory.adjusted", C, 100, 0, null, now);
        stock(events, "inventory.adjusted", D, 4, 1, null, now);
        stock(events, "inventory.adjusted", E, 6, 0, null, now);
        paid(events, "2044-01-05T10:00:00Z", Map.of(A, 20, B, 5));
        paid(events, "2044-01-20T10:00:00Z", Map.of(A, 10));
        paid(events, "2044-02-15T10:00:00Z", Map.of(D, 2));
        UUID cancelled = paid(events, "2044-01-10T10:00:00Z", Map.of(D, 7));
        var cancel = order(cancelled, 3_500, "CANCELLED");
        cancel.put("refundMinor", 3_500);
        events.publish(
                "orders", "order.cancelled", cancelled.toString(), Instant.parse("2044-01-11T10:00:00Z"), cancel);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(count("select count(*) from fact_stock where sku like ?", PREFIX + "%"))
                    .isEqualTo(5);
            assertThat(count("select count(*) from dim_variant where sku like ?", PREFIX + "%"))
                    .isEqualTo(4);
            assertThat(count("select count(*) from fact_order where currency = ? and paid_at is not null", CURRENCY))
                    .isEqualTo(4);
            assertThat(count(
                            "select count(*) from fact_order where currency = ? and cancelled_at is not null",
                            CURRENCY))
                    .isEqualTo(1);
        });
        published = true;
    }

    @Test
    void listsLowAndOutOfStockSkusWithStockValueSellThroughAndCover() {
        given().auth()
                .oauth2(admin)
                .get("/api/admin/analytics/inventory?" + RANGE)
                .then()
                .statusCode(200)
                .body("skuCount", equalTo(5))
                .body("lowStockCount", equalTo(2))
                .body("outOfStockCount", equalTo(1))
                .body("unpricedSkus", equalTo(1))
                .body("stockValue.currency", contains(CURRENCY))
                .body("stockValue[0].valueMinor", equalTo(10 * 1_000 + 100 * 99 + 4 * 500))
                .body("stockValue[0].skus", equalTo(4))
                .body("lowStock.sku", contains(D, A))
                .body("lowStock.available", contains(3, 8))
                .body("lowStock.lowStockThreshold", contains(5, 10))
                .body("outOfStock.sku", contains(B))
                .body("skus.sku", contains(B, A, C, D, E))
                .body("skus.status", contains("OUT", "LOW", "OK", "LOW", "OK"))
                .body("skus.unitsSold", contains(5, 30, 0, 0, 0))
                .body("skus.sellThroughRate", contains(1.0f, 0.75f, 0.0f, 0.0f, 0.0f))
                .body("skus[0].daysOfCover", equalTo(0.0f))
                .body("skus[1].daysOfCover", equalTo(10.0f))
                .body("skus[2].daysOfCover", nullValue())
                .body("skus[1].stockValueMinor", equalTo(10_000))
                .body("skus[1].reserved", equalTo(2))
                .body("skus[1].productId", equalTo(PRODUCT.toString()))
                .body("skus[4].stockValueMinor", nullValue())
                .body("skus[4].currency", nullValue());
    }

    @Test
    void limitsEachList() {
        given().auth()
                .oauth2(admin)
                .get("/api/admin/analytics/inventory?limit=1&" + RANGE)
                .then()
                .statusCode(200)
                .body("skuCount", equalTo(5))
                .body("skus.sku", contains(B))
                .body("lowStock.sku", contains(D))
                .body("outOfStock.sku", contains(B));
    }

    @Test
    void exportsCsv() {
        String csv = given().auth()
                .oauth2(admin)
                .get("/api/admin/analytics/inventory?format=csv&limit=2&" + RANGE)
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"inventory.csv\"")
                .extract()
                .asString();
        assertThat(csv)
                .isEqualTo("sku,product_id,status,on_hand,reserved,available,low_stock_threshold,units_sold,"
                        + "sell_through_rate,days_of_cover,currency,stock_value_minor\r\n"
                        + B + "," + PRODUCT + ",OUT,0,0,0,5,5,1.0,0.0,ZZI,0\r\n"
                        + A + "," + PRODUCT + ",LOW,10,2,8,10,30,0.75,10.0,ZZI,10000\r\n"
                        + D + "," + PRODUCT + ",LOW,4,1,3,5,0,0.0,,ZZI,2000\r\n");
    }

    @Test
    void rejectsBadParametersWithAProblem() {
        for (String query : List.of("limit=0", "limit=1001", "from=2044-02-01&to=2044-01-01", "format=html")) {
            given().auth()
                    .oauth2(admin)
                    .get("/api/admin/analytics/inventory?" + query)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED"));
        }
    }

    @Test
    void isForAdminsOnly() {
        given().get("/api/admin/analytics/inventory").then().statusCode(401);
        given().auth()
                .oauth2(TestTokenIssuer.customer(UUID.randomUUID()))
                .get("/api/admin/analytics/inventory")
                .then()
                .statusCode(403);
    }

    private static void stock(
            Events events, String type, String sku, int onHand, int reserved, Integer threshold, Instant at) {
        var data = new HashMap<String, Object>(Map.of(
                "sku", sku,
                "productId", PRODUCT,
                "onHand", onHand,
                "reserved", reserved,
                "available", onHand - reserved));
        if (threshold != null) {
            data.put("lowStockThreshold", threshold);
        }
        events.publish("products", type, sku, at, data);
    }

    private static UUID paid(Events events, String at, Map<String, Integer> quantities) {
        UUID id = UUID.randomUUID();
        var lines = quantities.entrySet().stream()
                .map(e -> Events.line(PRODUCT, e.getKey(), e.getValue(), 500))
                .toList();
        long total =
                500L * quantities.values().stream().mapToInt(Integer::intValue).sum();
        var data = order(id, total, "PAID");
        data.put("lines", lines);
        events.publish("orders", "order.paid", id.toString(), Instant.parse(at), data);
        return id;
    }

    private static Map<String, Object> order(UUID id, long totalMinor, String status) {
        var data = new HashMap<>(Events.order(id, null, totalMinor, status));
        data.put("currency", CURRENCY);
        return data;
    }

    private long count(String sql, Object param) throws java.sql.SQLException {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(sql)) {
            query.setObject(1, param);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
