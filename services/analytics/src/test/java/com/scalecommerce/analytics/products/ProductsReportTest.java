package com.scalecommerce.analytics.products;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A known week of May 2032 (a year no other test uses): views by session, three paid orders in two currencies,
 * carts that reached a paid order, a cart whose checkout was never paid, a cart never checked out, and events
 * just outside the range.
 */
@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class ProductsReportTest {

    static final String RANGE = "from=2032-05-01&to=2032-05-08";

    static final UUID TEAPOT = UUID.randomUUID();
    static final UUID CUP = UUID.randomUUID();
    static final UUID SAUCER = UUID.randomUUID(); // never announced by products: no name
    static final UUID SPOON = UUID.randomUUID();

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
        sent.add(product(events, TEAPOT, "Teapot"));
        sent.add(product(events, CUP, "Cup"));
        sent.add(product(events, SPOON, "Spoon"));
        String run = UUID.randomUUID().toString(); // sessions and carts unique to this run
        // teapot: 5 views by 4 sessions (and one the day before the range); spoon: 3 by one session; cup: 1
        for (String session : List.of("s1", "s1", "s2", "s5", "s6")) {
            sent.add(view(events, run + session, TEAPOT, "2032-05-01T10:00:00Z"));
        }
        sent.add(view(events, run + "s7", TEAPOT, "2032-04-30T23:59:59Z"));
        for (int i = 0; i < 3; i++) {
            sent.add(view(events, run + "s1", SPOON, "2032-05-01T11:00:00Z"));
        }
        sent.add(view(events, run + "s3", CUP, "2032-05-02T09:00:00Z"));

        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID unpaid = UUID.randomUUID();
        sent.addAll(paid(
                events,
                first,
                "USD",
                "2032-05-02T12:00:00Z",
                7000,
                Events.line(TEAPOT, "TEAPOT-1", 2, 1000),
                Events.line(CUP, "CUP-1", 1, 5000)));
        sent.addAll(
                paid(events, second, "USD", "2032-05-03T12:00:00Z", 1000, Events.line(TEAPOT, "TEAPOT-1", 1, 1000)));
        sent.addAll(paid(
                events,
                UUID.randomUUID(),
                "EUR",
                "2032-05-04T12:00:00Z",
                1000,
                Events.line(SAUCER, "SAUCER-1", 5, 200)));
        sent.add(events.publish(
                "orders",
                "order.placed",
                unpaid.toString(),
                Instant.parse("2032-05-05T12:00:00Z"),
                Events.order(unpaid, null, 6000, "PENDING_PAYMENT")));

        // c1 and c4 reached paid orders; c2's checkout was never paid; c3 never checked out; c5 is after the range
        sent.add(cartAdd(events, run + "c1", TEAPOT, 1, "2032-05-02T11:00:00Z"));
        sent.add(cartAdd(events, run + "c1", CUP, 2, "2032-05-02T11:01:00Z"));
        sent.add(checkout(events, run + "c1", first, "2032-05-02T11:59:00Z"));
        sent.add(cartAdd(events, run + "c2", CUP, 1, "2032-05-05T11:00:00Z"));
        sent.add(cartAdd(events, run + "c2", SPOON, 1, "2032-05-05T11:01:00Z"));
        sent.add(checkout(events, run + "c2", unpaid, "2032-05-05T11:59:00Z"));
        sent.add(cartAdd(events, run + "c3", SPOON, 3, "2032-05-06T11:00:00Z"));
        sent.add(cartAdd(events, run + "c4", TEAPOT, 1, "2032-05-03T11:00:00Z"));
        sent.add(checkout(events, run + "c4", second, "2032-05-03T11:59:00Z"));
        sent.add(cartAdd(events, run + "c5", SAUCER, 1, "2032-05-08T00:00:00Z"));

        awaitIngested(sent);
        published = true;
    }

    @Test
    void bestSellersMostViewedConversionAndAbandonedCarts() {
        admin().get("/api/admin/analytics/products?" + RANGE)
                .then()
                .statusCode(200)
                .body("from", equalTo("2032-05-01T00:00:00Z"))
                .body("limit", equalTo(10))
                .body("bestSellersByRevenue.currency", contains("EUR", "USD"))
                .body("bestSellersByRevenue[0].products", contains(seller(1, SAUCER, null, 5, 1, 1000)))
                .body(
                        "bestSellersByRevenue[1].products",
                        contains(seller(1, CUP, "Cup", 1, 1, 5000), seller(2, TEAPOT, "Teapot", 3, 2, 3000)))
                .body(
                        "bestSellersByUnits",
                        contains(
                                seller(1, SAUCER, null, 5, 1, null),
                                seller(2, TEAPOT, "Teapot", 3, 2, null),
                                seller(3, CUP, "Cup", 1, 1, null)))
                .body(
                        "mostViewed",
                        contains(
                                viewed(1, TEAPOT, "Teapot", 5, 4),
                                viewed(2, SPOON, "Spoon", 3, 1),
                                viewed(3, CUP, "Cup", 1, 1)))
                .body(
                        "viewToPurchase",
                        contains(
                                conversion(1, TEAPOT, "Teapot", 4, 5, 2, 3, "50.0"),
                                conversion(2, SPOON, "Spoon", 1, 3, 0, 0, "0.0"),
                                conversion(3, CUP, "Cup", 1, 1, 1, 1, "100.0")))
                .body("mostAbandoned", contains(abandoned(1, SPOON, "Spoon", 2, 4), abandoned(2, CUP, "Cup", 1, 1)));
    }

    @Test
    void theLimitCutsEveryList() {
        admin().get("/api/admin/analytics/products?" + RANGE + "&limit=1")
                .then()
                .statusCode(200)
                .body("limit", equalTo(1))
                .body("bestSellersByRevenue[1].products", hasSize(1))
                .body("bestSellersByRevenue[1].products[0].productId", equalTo(CUP.toString()))
                .body("bestSellersByUnits.productId", contains(SAUCER.toString()))
                .body("mostViewed.productId", contains(TEAPOT.toString()))
                .body("viewToPurchase.productId", contains(TEAPOT.toString()))
                .body("mostAbandoned.productId", contains(SPOON.toString()));
    }

    @Test
    void csvHoldsEveryListInOneTable() {
        String csv = admin().get("/api/admin/analytics/products?" + RANGE + "&limit=1&format=csv")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"products.csv\"")
                .extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(csv)
                .isEqualTo("list,currency,rank,product_id,name,units,orders,gross_minor,views,view_sessions,"
                        + "abandoned_carts,rate_percent\r\n"
                        + "best_sellers_by_revenue,EUR,1," + SAUCER + ",,5,1,1000,,,,\r\n"
                        + "best_sellers_by_revenue,USD,1," + CUP + ",Cup,1,1,5000,,,,\r\n"
                        + "best_sellers_by_units,,1," + SAUCER + ",,5,1,,,,,\r\n"
                        + "most_viewed,,1," + TEAPOT + ",Teapot,,,,5,4,,\r\n"
                        + "view_to_purchase,,1," + TEAPOT + ",Teapot,3,2,,5,4,,50.0\r\n"
                        + "most_abandoned,,1," + SPOON + ",Spoon,4,,,,,2,\r\n");
        admin().accept("text/csv")
                .get("/api/admin/analytics/products?" + RANGE)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"));
    }

    @Test
    void badParametersAreAProblemNamingTheParameter() {
        badRequest("/api/admin/analytics/products?limit=0", "limit");
        badRequest("/api/admin/analytics/products?limit=101", "limit");
        badRequest("/api/admin/analytics/products?limit=lots", "limit");
        badRequest("/api/admin/analytics/products?from=2032-05-08&to=2032-05-01", "from");
        badRequest("/api/admin/analytics/products?to=tomorrow", "to");
        badRequest("/api/admin/analytics/products?format=pdf", "format");
    }

    @Test
    void onlyAdministratorsSeeProducts() {
        given().get("/api/admin/analytics/products").then().statusCode(401);
        given().auth()
                .oauth2(TestTokenIssuer.customer(UUID.randomUUID()))
                .get("/api/admin/analytics/products")
                .then()
                .statusCode(403);
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

    private static Map<String, Object> seller(int rank, UUID id, String name, int units, int orders, Integer gross) {
        var row = entry(rank, id, name);
        row.put("units", units);
        row.put("orders", orders);
        row.put("grossMinor", gross);
        return row;
    }

    private static Map<String, Object> viewed(int rank, UUID id, String name, int views, int sessions) {
        var row = entry(rank, id, name);
        row.put("views", views);
        row.put("viewSessions", sessions);
        return row;
    }

    private static Map<String, Object> conversion(
            int rank, UUID id, String name, int sessions, int views, int orders, int units, String rate) {
        var row = entry(rank, id, name);
        row.put("viewSessions", sessions);
        row.put("views", views);
        row.put("orders", orders);
        row.put("units", units);
        row.put("ratePercent", new BigDecimal(rate));
        return row;
    }

    private static Map<String, Object> abandoned(int rank, UUID id, String name, int carts, int units) {
        var row = entry(rank, id, name);
        row.put("carts", carts);
        row.put("units", units);
        return row;
    }

    private static Map<String, Object> entry(int rank, UUID id, String name) {
        var row = new HashMap<String, Object>();
        row.put("rank", rank);
        row.put("productId", id.toString());
        row.put("name", name);
        return row;
    }

    private static CloudEvent product(Events events, UUID id, String name) {
        return events.publish(
                "products",
                "product.created",
                id.toString(),
                Instant.parse("2032-01-01T00:00:00Z"),
                Map.of(
                        "productId",
                        id,
                        "name",
                        name,
                        "currency",
                        "USD",
                        "categoryIds",
                        List.of(),
                        "status",
                        "ACTIVE",
                        "variants",
                        List.of()));
    }

    private static CloudEvent view(Events events, String session, UUID product, String at) {
        return events.publish(
                "web",
                "product.viewed",
                product.toString(),
                Instant.parse(at),
                Map.of("sessionId", session, "productId", product));
    }

    private static CloudEvent cartAdd(Events events, String cart, UUID product, int quantity, String at) {
        return events.publish(
                "orders",
                "cart.item_added",
                cart,
                Instant.parse(at),
                Map.of("cartId", cart, "sku", product + "-1", "productId", product, "quantity", quantity));
    }

    private static CloudEvent checkout(Events events, String cart, UUID order, String at) {
        return events.publish(
                "orders",
                "checkout.started",
                cart,
                Instant.parse(at),
                Map.of("cartId", cart, "orderId", order, "itemCount", 1));
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
