package com.scalecommerce.analytics.sales;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.scalecommerce.analytics.Events;
import com.scalecommerce.platform.events.CloudEvent;
import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A small known workload in March 2031 (a year no other test uses): USD and EUR orders, a partial refund, a paid
 * order cancelled later, an order placed but never paid, an order paid exactly at the end of the range, a day
 * with nothing, and one USD order in the previous period (the three days before).
 */
@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class SalesReportTest {

    static final String RANGE = "from=2031-03-01&to=2031-03-04";

    static final UUID MUG = UUID.randomUUID(); // categories KITCHEN and GIFTS
    static final UUID PLATE = UUID.randomUUID(); // category KITCHEN
    static final UUID UNKNOWN = UUID.randomUUID(); // never announced by products
    static final UUID KNIFE = UUID.randomUUID(); // no category
    static final UUID KITCHEN = UUID.randomUUID();
    static final UUID GIFTS = UUID.randomUUID();

    private static boolean published;

    @Inject
    RedisDataSource redis;

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void publishWorkloadOnce() {
        if (published) {
            return;
        }
        var events = new Events(redis);
        var sent = new ArrayList<CloudEvent>();
        sent.add(product(events, MUG, "Mug", List.of(KITCHEN, GIFTS)));
        sent.add(product(events, PLATE, "Plate", List.of(KITCHEN)));
        sent.add(product(events, KNIFE, "Knife", List.of()));

        // previous period: 4000 USD, 2 units
        sent.addAll(paid(events, "USD", "2031-02-27T12:00:00Z", 4000, Events.line(PLATE, "PLATE-1", 2, 2000)));
        // day 1: two USD orders, 7001 together (average 3500.5 -> 3501), 4 units
        UUID first = UUID.randomUUID();
        sent.addAll(paid(
                events,
                first,
                "USD",
                "2031-03-01T10:00:00Z",
                5000,
                Events.line(MUG, "MUG-1", 2, 2000),
                Events.line(PLATE, "PLATE-1", 1, 1000)));
        sent.addAll(paid(events, "USD", "2031-03-01T23:59:59Z", 2001, Events.line(UNKNOWN, "X-1", 1, 2001)));
        // day 2: only an order that is never paid
        UUID unpaid = UUID.randomUUID();
        sent.add(events.publish(
                "orders",
                "order.placed",
                unpaid.toString(),
                Instant.parse("2031-03-02T08:00:00Z"),
                Events.order(unpaid, null, 9999, "PENDING_PAYMENT")));
        // day 3: a USD order paid then cancelled (refunded in full), 500 refunded of the first order, one EUR order
        UUID cancelled = UUID.randomUUID();
        sent.addAll(paid(events, cancelled, "USD", "2031-03-03T09:00:00Z", 1500, Events.line(MUG, "MUG-1", 1, 1500)));
        var cancel = Events.order(cancelled, null, 1500, "CANCELLED");
        cancel.put("refundMinor", 1500);
        sent.add(events.publish(
                "orders", "order.cancelled", cancelled.toString(), Instant.parse("2031-03-03T12:00:00Z"), cancel));
        var refund = Events.order(first, null, 5000, "PARTIALLY_REFUNDED");
        refund.put("amountMinor", 500);
        sent.add(events.publish(
                "orders", "order.refunded", first.toString(), Instant.parse("2031-03-03T13:00:00Z"), refund));
        sent.addAll(paid(events, "EUR", "2031-03-03T18:00:00Z", 7000, Events.line(KNIFE, "KNIFE-1", 2, 3500)));
        // paid at the range's end: belongs to the next period
        sent.addAll(paid(events, "USD", "2031-03-04T00:00:00Z", 999, Events.line(MUG, "MUG-1", 1, 999)));

        awaitIngested(sent);
        published = true;
    }

    @Test
    void salesPerDayAndCurrencyDeductRefundsShowEmptyDaysAndCompareWithThePreviousPeriod() {
        admin().get("/api/admin/analytics/sales?" + RANGE + "&granularity=day")
                .then()
                .statusCode(200)
                .body("from", equalTo("2031-03-01T00:00:00Z"))
                .body("to", equalTo("2031-03-04T00:00:00Z"))
                .body("granularity", equalTo("day"))
                .body("previousFrom", equalTo("2031-02-26T00:00:00Z"))
                .body("previousTo", equalTo("2031-03-01T00:00:00Z"))
                .body("currencies.currency", contains("EUR", "USD"))
                // USD
                .body("currencies[1].series", hasSize(3))
                .body("currencies[1].series[0]", equalTo(bucket("2031-03-01", 2, 4, 7001, 0, 7001, 3501)))
                .body("currencies[1].series[1]", equalTo(bucket("2031-03-02", 0, 0, 0, 0, 0, 0)))
                .body("currencies[1].series[2]", equalTo(bucket("2031-03-03", 1, 1, 1500, 2000, -500, 1500)))
                .body("currencies[1].totals", equalTo(figures(3, 5, 8501, 2000, 6501, 2834)))
                .body("currencies[1].previous", equalTo(figures(1, 2, 4000, 0, 4000, 4000)))
                .body("currencies[1].changePercent.orders", equalTo(new BigDecimal("200.0")))
                .body("currencies[1].changePercent.units", equalTo(new BigDecimal("150.0")))
                .body("currencies[1].changePercent.grossMinor", equalTo(new BigDecimal("112.5")))
                .body("currencies[1].changePercent.refundsMinor", nullValue())
                .body("currencies[1].changePercent.netMinor", equalTo(new BigDecimal("62.5")))
                .body("currencies[1].changePercent.averageOrderValueMinor", equalTo(new BigDecimal("-29.2")))
                // EUR: nothing before, so no change can be given
                .body("currencies[0].series[0]", equalTo(bucket("2031-03-01", 0, 0, 0, 0, 0, 0)))
                .body("currencies[0].series[1]", equalTo(bucket("2031-03-02", 0, 0, 0, 0, 0, 0)))
                .body("currencies[0].series[2]", equalTo(bucket("2031-03-03", 1, 2, 7000, 0, 7000, 7000)))
                .body("currencies[0].totals", equalTo(figures(1, 2, 7000, 0, 7000, 7000)))
                .body("currencies[0].previous", equalTo(figures(0, 0, 0, 0, 0, 0)))
                .body("currencies[0].changePercent.grossMinor", nullValue());
    }

    @Test
    void aCoarserGranularityGivesTheSameTotalsInFewerBuckets() {
        // 2031-02-24 and 2031-03-03 are Mondays: two weeks, the previous period's order in the first
        admin().get("/api/admin/analytics/sales?from=2031-02-24&to=2031-03-10&granularity=week")
                .then()
                .statusCode(200)
                .body("currencies[1].currency", equalTo("USD"))
                .body("currencies[1].series", hasSize(2))
                .body("currencies[1].series[0]", equalTo(bucket("2031-02-24", 3, 6, 11001, 0, 11001, 3667)))
                .body("currencies[1].series[1]", equalTo(bucket("2031-03-03", 2, 2, 2499, 2000, 499, 1250)));
    }

    @Test
    void byProductRanksTheTopProductsByRevenuePerCurrency() {
        admin().get("/api/admin/analytics/sales/by-product?" + RANGE + "&limit=2")
                .then()
                .statusCode(200)
                .body("limit", equalTo(2))
                .body("currencies.currency", contains("EUR", "USD"))
                .body("currencies[0].products", hasSize(1))
                .body("currencies[0].products[0]", equalTo(product(1, KNIFE, "Knife", 2, 1, 7000)))
                .body("currencies[1].products", hasSize(2))
                // the mug: 2 x 2000 on day 1 and 1 x 1500 in the order cancelled later (it was sold)
                .body("currencies[1].products[0]", equalTo(product(1, MUG, "Mug", 3, 2, 5500)))
                .body("currencies[1].products[1]", equalTo(product(2, UNKNOWN, null, 1, 1, 2001)));
        admin().get("/api/admin/analytics/sales/by-product?" + RANGE)
                .then()
                .statusCode(200)
                .body("limit", equalTo(20))
                .body("currencies[1].products[2]", equalTo(product(3, PLATE, "Plate", 1, 1, 1000)));
    }

    @Test
    void byCategoryCountsALineInEachOfItsCategoriesAndUncategorisedUnderNull() {
        admin().get("/api/admin/analytics/sales/by-category?" + RANGE)
                .then()
                .statusCode(200)
                .body("currencies.currency", contains("EUR", "USD"))
                .body("currencies[0].categories", hasSize(1))
                .body("currencies[0].categories[0]", equalTo(category(null, 2, 1, 1, 7000)))
                .body("currencies[1].categories", hasSize(3))
                .body("currencies[1].categories[0]", equalTo(category(KITCHEN, 4, 2, 2, 6500)))
                .body("currencies[1].categories[1]", equalTo(category(GIFTS, 3, 2, 1, 5500)))
                .body("currencies[1].categories[2]", equalTo(category(null, 1, 1, 1, 2001)));
    }

    @Test
    void csvWhenAskedByAcceptHeaderOrFormatParameter() {
        String byHeader = admin().accept("text/csv")
                .get("/api/admin/analytics/sales?" + RANGE)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"sales.csv\"")
                .extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(byHeader)
                .isEqualTo(
                        "bucket,currency,orders,units,gross_minor,refunds_minor,net_minor,average_order_value_minor\r\n"
                                + "2031-03-01T00:00:00Z,EUR,0,0,0,0,0,0\r\n"
                                + "2031-03-02T00:00:00Z,EUR,0,0,0,0,0,0\r\n"
                                + "2031-03-03T00:00:00Z,EUR,1,2,7000,0,7000,7000\r\n"
                                + "2031-03-01T00:00:00Z,USD,2,4,7001,0,7001,3501\r\n"
                                + "2031-03-02T00:00:00Z,USD,0,0,0,0,0,0\r\n"
                                + "2031-03-03T00:00:00Z,USD,1,1,1500,2000,-500,1500\r\n");
        admin().get("/api/admin/analytics/sales/by-category?" + RANGE + "&format=csv")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(startsWith("currency,category_id,units,orders,products,gross_minor\r\nEUR,,2,1,1,7000\r\nUSD,"
                        + KITCHEN + ",4,2,2,6500\r\n"));
        admin().get("/api/admin/analytics/sales/by-product?" + RANGE + "&format=csv&limit=1")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("sales-by-product.csv"))
                .body(equalTo("currency,rank,product_id,name,units,orders,gross_minor\r\n"
                        + "EUR,1," + KNIFE + ",Knife,2,1,7000\r\n"
                        + "USD,1," + MUG + ",Mug,3,2,5500\r\n"));
    }

    @Test
    void badParametersAreAProblemNamingTheParameter() {
        badRequest("/api/admin/analytics/sales?granularity=fortnight", "granularity");
        badRequest("/api/admin/analytics/sales?from=yesterday", "from");
        badRequest("/api/admin/analytics/sales?from=2031-03-04&to=2031-03-01", "from");
        badRequest("/api/admin/analytics/sales?from=2020-01-01&to=2031-01-01&granularity=hour", "granularity");
        badRequest("/api/admin/analytics/sales?format=xml", "format");
        badRequest("/api/admin/analytics/sales/by-product?limit=0", "limit");
        badRequest("/api/admin/analytics/sales/by-product?limit=101", "limit");
        badRequest("/api/admin/analytics/sales/by-product?limit=ten", "limit");
        badRequest("/api/admin/analytics/sales/by-category?to=2031-13-01", "to");
        // a CSV client is told what was wrong too
        admin().accept("text/csv")
                .get("/api/admin/analytics/sales?granularity=fortnight")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("granularity"));
        // a long period is fine where there is no series to bucket
        admin().get("/api/admin/analytics/sales/by-category?from=2001-01-01&to=2031-01-01")
                .then()
                .statusCode(200);
    }

    @Test
    void onlyAdministratorsSeeSales() {
        for (String path : List.of("", "/by-product", "/by-category")) {
            given().get("/api/admin/analytics/sales" + path).then().statusCode(401);
            given().auth()
                    .oauth2(TestTokenIssuer.customer(UUID.randomUUID()))
                    .get("/api/admin/analytics/sales" + path)
                    .then()
                    .statusCode(403);
        }
    }

    private void badRequest(String path, String field) {
        admin().get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo(field));
    }

    private static RequestSpecification admin() {
        return given().config(RestAssured.config()
                        .jsonConfig(
                                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .auth()
                .oauth2(TestTokenIssuer.admin(UUID.randomUUID()));
    }

    private static Map<String, Object> bucket(
            String day, int orders, int units, int gross, int refunds, int net, int average) {
        var bucket = new LinkedHashMap<String, Object>();
        bucket.put("start", day + "T00:00:00Z");
        bucket.putAll(figures(orders, units, gross, refunds, net, average));
        return bucket;
    }

    private static Map<String, Object> figures(int orders, int units, int gross, int refunds, int net, int average) {
        return Map.of(
                "orders", orders,
                "units", units,
                "grossMinor", gross,
                "refundsMinor", refunds,
                "netMinor", net,
                "averageOrderValueMinor", average);
    }

    private static Map<String, Object> product(int rank, UUID id, String name, int units, int orders, int gross) {
        var product = new HashMap<String, Object>();
        product.put("rank", rank);
        product.put("productId", id.toString());
        product.put("name", name);
        product.put("units", units);
        product.put("orders", orders);
        product.put("grossMinor", gross);
        return product;
    }

    private static Map<String, Object> category(UUID id, int units, int orders, int products, int gross) {
        var category = new HashMap<String, Object>();
        category.put("categoryId", id == null ? null : id.toString());
        category.put("units", units);
        category.put("orders", orders);
        category.put("products", products);
        category.put("grossMinor", gross);
        return category;
    }

    private static CloudEvent product(Events events, UUID id, String name, List<UUID> categories) {
        return events.publish(
                "products",
                "product.created",
                id.toString(),
                Instant.parse("2031-01-01T00:00:00Z"),
                Map.of(
                        "productId",
                        id,
                        "name",
                        name,
                        "currency",
                        "USD",
                        "categoryIds",
                        categories,
                        "status",
                        "ACTIVE",
                        "variants",
                        List.of()));
    }

    @SafeVarargs
    private static List<CloudEvent> paid(
            Events events, String currency, String paidAt, long total, Map<String, Object>... lines) {
        return paid(events, UUID.randomUUID(), currency, paidAt, total, lines);
    }

    /** An order placed a minute before it is paid. */
    @SafeVarargs
    private static List<CloudEvent> paid(
            Events events, UUID order, String currency, String paidAt, long total, Map<String, Object>... lines) {
        Instant at = Instant.parse(paidAt);
        var placed = Events.order(order, null, total, "PENDING_PAYMENT");
        placed.put("currency", currency);
        var paid = Events.paid(order, null, total, List.of(lines));
        paid.put("currency", currency);
        return List.of(
                events.publish("orders", "order.placed", order.toString(), at.minusSeconds(60), placed),
                events.publish("orders", "order.paid", order.toString(), at, paid));
    }

    private void awaitIngested(List<CloudEvent> sent) {
        String[] ids = sent.stream().map(e -> e.id().toString()).toArray(String[]::new);
        await().atMost(Duration.ofSeconds(20)).until(() -> ingested(ids) == ids.length);
    }

    private long ingested(String[] ids) throws SQLException {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement("select count(*) from event_log where event_id = any(?)")) {
            query.setArray(1, connection.createArrayOf("text", ids));
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
