package com.scalecommerce.analytics.funnel;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// This class owns the year 2041 of the shared test database.
@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class FunnelReportTest {

    private static final String RANGE = "from=2041-03-01&to=2041-03-04&granularity=day";
    private static volatile boolean published;

    @Inject
    RedisDataSource redis;

    @Inject
    AgroalDataSource db;

    private final String admin = TestTokenIssuer.admin(UUID.randomUUID());

    @BeforeEach
    void publishTheWorkloadOnce() {
        if (published) {
            return;
        }
        var events = new Events(redis);
        UUID product = UUID.randomUUID();
        String run = UUID.randomUUID().toString();
        String s1 = "g:" + run + "-1", s2 = "g:" + run + "-2", s3 = "g:" + run + "-3";
        String s4 = "u:" + run + "-4", s5 = "g:" + run + "-5", s6 = "g:" + run + "-6";
        Instant day1 = Instant.parse("2041-03-01T08:00:00Z");
        Instant day3 = Instant.parse("2041-03-03T20:00:00Z");
        UUID paidOrder = UUID.randomUUID();
        UUID unpaidOrder = UUID.randomUUID();

        // Day 1: s1 goes all the way, s2 checks out but never pays, s3 only looks, s4 leaves its cart.
        view(events, s1, product, day1);
        add(events, s1, product, day1.plusSeconds(60));
        checkout(events, s1, paidOrder, day1.plusSeconds(120));
        events.publish(
                "orders",
                "order.paid",
                paidOrder.toString(),
                day1.plusSeconds(180),
                Events.paid(paidOrder, null, 2500, List.of(Events.line(product, "FUN-1", 1, 2500))));
        view(events, s2, product, day1);
        view(events, s2, product, day1.plusSeconds(10));
        add(events, s2, product, day1.plusSeconds(20));
        checkout(events, s2, unpaidOrder, day1.plusSeconds(30));
        events.publish(
                "orders",
                "order.placed",
                unpaidOrder.toString(),
                day1.plusSeconds(31),
                Events.order(unpaidOrder, null, 2500, "PENDING_PAYMENT"));
        view(events, s3, product, day1.plusSeconds(40));
        view(events, s4, product, day1.plusSeconds(50));
        add(events, s4, product, day1.plusSeconds(55));
        // Day 2: nothing. Day 3: s1 is back to look, s5 adds to cart. s6 comes just after the range ends.
        view(events, s1, product, day3);
        view(events, s5, product, day3);
        add(events, s5, product, day3.plusSeconds(1));
        view(events, s6, product, Instant.parse("2041-03-04T00:00:00Z"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(count("select count(*) from fact_behaviour where session_key like ?", "%" + run + "%"))
                    .isEqualTo(14);
            assertThat(count("select count(*) from fact_order where order_id = ? and paid_at is not null", paidOrder))
                    .isEqualTo(1);
            assertThat(count("select count(*) from fact_order where order_id = ?", unpaidOrder))
                    .isEqualTo(1);
        });
        published = true;
    }

    @Test
    void countsDistinctSessionsPerStepAndDayWithTheirRates() {
        given().auth()
                .oauth2(admin)
                .get("/api/admin/analytics/funnel?" + RANGE)
                .then()
                .statusCode(200)
                .body("granularity", equalTo("day"))
                .body("series.bucket", contains("2041-03-01T00:00:00Z", "2041-03-02T00:00:00Z", "2041-03-03T00:00:00Z"))
                .body("series.viewed", contains(4, 0, 2))
                .body("series.addedToCart", contains(3, 0, 1))
                .body("series.startedCheckout", contains(2, 0, 0))
                .body("series.paid", contains(1, 0, 0))
                .body("series[0].viewToCartRate", equalTo(0.75f))
                .body("series[0].cartToCheckoutRate", equalTo(0.6667f))
                .body("series[0].checkoutToPaidRate", equalTo(0.5f))
                .body("series[0].viewToPaidRate", equalTo(0.25f))
                .body("series[0].cartAbandonmentRate", equalTo(0.6667f))
                .body("series[1].viewToCartRate", nullValue())
                .body("series[1].cartAbandonmentRate", nullValue())
                .body("series[2].checkoutToPaidRate", nullValue())
                .body("series[2].cartAbandonmentRate", equalTo(1.0f))
                // A session seen on two days is one session over the range.
                .body("total.viewed", equalTo(5))
                .body("total.addedToCart", equalTo(4))
                .body("total.startedCheckout", equalTo(2))
                .body("total.paid", equalTo(1))
                .body("total.cartAbandonmentRate", equalTo(0.75f));
    }

    @Test
    void bucketsByMonthToo() {
        given().auth()
                .oauth2(admin)
                .get("/api/admin/analytics/funnel?from=2041-02-01&to=2041-04-01&granularity=month")
                .then()
                .statusCode(200)
                .body("series.bucket", contains("2041-02-01T00:00:00Z", "2041-03-01T00:00:00Z"))
                .body("series.viewed", contains(0, 6))
                .body("series.paid", contains(0, 1));
    }

    @Test
    void exportsCsvByQueryParameterOrAcceptHeader() {
        String expected = "bucket,viewed,added_to_cart,started_checkout,paid,view_to_cart_rate,cart_to_checkout_rate,"
                + "checkout_to_paid_rate,view_to_paid_rate,cart_abandonment_rate\r\n"
                + "2041-03-01T00:00:00Z,4,3,2,1,0.75,0.6667,0.5,0.25,0.6667\r\n"
                + "2041-03-02T00:00:00Z,0,0,0,0,,,,,\r\n"
                + "2041-03-03T00:00:00Z,2,1,0,0,0.5,0.0,,0.0,1.0\r\n";
        String byParameter = given().auth()
                .oauth2(admin)
                .get("/api/admin/analytics/funnel?format=csv&" + RANGE)
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"funnel.csv\"")
                .extract()
                .asString();
        assertThat(byParameter).isEqualTo(expected);
        String byHeader = given().auth()
                .oauth2(admin)
                .accept("text/csv")
                .get("/api/admin/analytics/funnel?" + RANGE)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(byHeader).isEqualTo(expected);
    }

    @Test
    void rejectsBadParametersWithAProblem() {
        for (String query : List.of(
                "granularity=fortnight",
                "from=yesterday",
                "from=2041-03-04&to=2041-03-01",
                "format=xml",
                "from=2000-01-01&to=2041-01-01&granularity=hour")) {
            given().auth()
                    .oauth2(admin)
                    .get("/api/admin/analytics/funnel?" + query)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED"));
        }
    }

    @Test
    void isForAdminsOnly() {
        given().get("/api/admin/analytics/funnel").then().statusCode(401);
        given().auth()
                .oauth2(TestTokenIssuer.customer(UUID.randomUUID()))
                .get("/api/admin/analytics/funnel")
                .then()
                .statusCode(403);
    }

    private static void view(Events events, String session, UUID product, Instant at) {
        events.publish(
                "web", "product.viewed", product.toString(), at, Map.of("sessionId", session, "productId", product));
    }

    private static void add(Events events, String cart, UUID product, Instant at) {
        events.publish(
                "orders",
                "cart.item_added",
                cart,
                at,
                Map.of("cartId", cart, "productId", product, "sku", "FUN-1", "quantity", 1));
    }

    private static void checkout(Events events, String cart, UUID order, Instant at) {
        events.publish(
                "orders", "checkout.started", cart, at, Map.of("cartId", cart, "orderId", order, "itemCount", 1));
    }

    private long count(String sql, Object... params) throws java.sql.SQLException {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
