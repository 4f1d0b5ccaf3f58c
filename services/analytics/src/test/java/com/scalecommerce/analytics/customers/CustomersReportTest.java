package com.scalecommerce.analytics.customers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
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

// This class owns the year 2042 of the shared test database, and the currency ZZC (lifetime value is all-time).
@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class CustomersReportTest {

    private static final String CURRENCY = "ZZC";
    private static final UUID A = UUID.randomUUID(), B = UUID.randomUUID(), C = UUID.randomUUID();
    private static final UUID D = UUID.randomUUID(), E = UUID.randomUUID();
    private static volatile boolean published;

    @Inject
    RedisDataSource redis;

    @Inject
    AgroalDataSource db;

    private final String admin = TestTokenIssuer.admin(UUID.randomUUID());

    /*
     * A: pays in Feb twice and in Mar (1000 of that refunded); B: Feb and Apr; C: Mar; D: first in Jan (before
     * the range), again in Mar; E: places an order and never pays. Two guest orders in Apr.
     */
    @BeforeEach
    void publishTheWorkloadOnce() {
        if (published) {
            return;
        }
        var events = new Events(redis);
        paid(events, A, "2042-02-10T10:00:00Z", 10_000);
        paid(events, A, "2042-02-20T10:00:00Z", 5_000);
        UUID refunded = paid(events, A, "2042-03-05T10:00:00Z", 3_000);
        var refund = order(refunded, A, 3_000, "PARTIALLY_REFUNDED");
        refund.put("amountMinor", 1_000);
        events.publish("orders", "order.refunded", refunded.toString(), Instant.parse("2042-03-06T10:00:00Z"), refund);
        paid(events, B, "2042-02-15T10:00:00Z", 20_000);
        paid(events, B, "2042-04-10T10:00:00Z", 1_000);
        paid(events, C, "2042-03-10T10:00:00Z", 4_000);
        paid(events, D, "2042-01-20T10:00:00Z", 500);
        paid(events, D, "2042-03-20T10:00:00Z", 500);
        paid(events, null, "2042-04-01T10:00:00Z", 700);
        paid(events, null, "2042-04-02T10:00:00Z", 700);
        UUID unpaid = UUID.randomUUID();
        events.publish(
                "orders",
                "order.placed",
                unpaid.toString(),
                Instant.parse("2042-03-01T10:00:00Z"),
                order(unpaid, E, 9_999, "PENDING_PAYMENT"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(count("select count(*) from fact_order where currency = ? and paid_at is not null"))
                    .isEqualTo(10);
            assertThat(count("select count(*) from fact_order where currency = ? and refunded_minor = 1000"))
                    .isEqualTo(1);
            assertThat(count("select count(*) from fact_order where currency = ? and paid_at is null"))
                    .isEqualTo(1);
        });
        published = true;
    }

    @Test
    void splitsPayingCustomersIntoNewAndReturningPerBucketWithGuestsApart() {
        given().auth()
                .oauth2(admin)
                .get("/api/admin/analytics/customers?from=2042-02-01&to=2042-05-01&granularity=month")
                .then()
                .statusCode(200)
                .body("series.bucket", contains("2042-02-01T00:00:00Z", "2042-03-01T00:00:00Z", "2042-04-01T00:00:00Z"))
                .body("series.newCustomers", contains(2, 1, 0))
                .body("series.returningCustomers", contains(0, 2, 1))
                .body("series.customerOrders", contains(3, 3, 1))
                .body("series.guestOrders", contains(0, 0, 2))
                // D's first order ever was in January: returning in the range, not new.
                .body("total.newCustomers", equalTo(3))
                .body("total.returningCustomers", equalTo(1))
                .body("total.customerOrders", equalTo(7))
                .body("total.guestOrders", equalTo(2))
                .body("repeatCustomers", equalTo(2))
                .body("repeatPurchaseRate", equalTo(0.5f));
    }

    @Test
    void emptyBucketsAreZeros() {
        given().auth()
                .oauth2(admin)
                .get("/api/admin/analytics/customers?from=2042-02-09&to=2042-02-12")
                .then()
                .statusCode(200)
                .body("series.newCustomers", contains(0, 1, 0))
                .body("series.customerOrders", contains(0, 1, 0))
                .body("repeatPurchaseRate", equalTo(0.0f));
        given().auth()
                .oauth2(admin)
                .get("/api/admin/analytics/customers?from=2042-08-01&to=2042-08-03")
                .then()
                .statusCode(200)
                .body("series.newCustomers", contains(0, 0))
                .body("total.newCustomers", equalTo(0))
                .body("repeatPurchaseRate", nullValue());
    }

    @Test
    void cohortRetentionByFirstOrderMonth() {
        given().auth()
                .oauth2(admin)
                .get("/api/admin/analytics/customers/cohorts?from=2042-01-01&to=2042-05-01")
                .then()
                .statusCode(200)
                .body("cohorts.cohort", contains("2042-01", "2042-02", "2042-03", "2042-04"))
                .body("cohorts.customers", contains(1, 2, 1, 0))
                .body("cohorts[0].retention", hasSize(11))
                .body("cohorts[0].retention.share[0..2]", contains(0.0f, 1.0f, 0.0f))
                .body("cohorts[1].retention.customers[0..2]", contains(1, 1, 0))
                .body("cohorts[1].retention.share[0..2]", contains(0.5f, 0.5f, 0.0f))
                .body("cohorts[2].retention.share", everyItem(equalTo(0.0f)))
                .body("cohorts[3].retention.share", everyItem(nullValue()));
        String csv = given().auth()
                .oauth2(admin)
                .get("/api/admin/analytics/customers/cohorts?from=2042-02-01&to=2042-03-01&format=csv")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        assertThat(csv)
                .isEqualTo("cohort,customers,month_1,month_2,month_3,month_4,month_5,month_6,month_7,month_8,"
                        + "month_9,month_10,month_11\r\n2042-02,2,0.5,0.5,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0\r\n");
    }

    @Test
    void topCustomersByLifetimeValueNetOfRefundsPerCurrency() {
        given().auth()
                .oauth2(admin)
                .get("/api/admin/analytics/customers/top?currency=zzc")
                .then()
                .statusCode(200)
                .body("limit", equalTo(20))
                .body("currencies.currency", contains(CURRENCY))
                .body(
                        "currencies[0].customers.userId",
                        contains(B.toString(), A.toString(), C.toString(), D.toString()))
                .body("currencies[0].customers.netMinor", contains(21_000, 17_000, 4_000, 1_000))
                .body("currencies[0].customers[1].grossMinor", equalTo(18_000))
                .body("currencies[0].customers[1].refundedMinor", equalTo(1_000))
                .body("currencies[0].customers[1].orders", equalTo(3));
        String csv = given().auth()
                .oauth2(admin)
                .accept("text/csv")
                .get("/api/admin/analytics/customers/top?currency=ZZC&limit=2")
                .then()
                .statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"top-customers.csv\"")
                .extract()
                .asString();
        assertThat(csv)
                .isEqualTo("currency,rank,user_id,orders,gross_minor,refunded_minor,net_minor\r\n"
                        + "ZZC,1," + B + ",2,21000,0,21000\r\n"
                        + "ZZC,2," + A + ",3,18000,1000,17000\r\n");
    }

    @Test
    void exportsTheSeriesAsCsv() {
        String csv = given().auth()
                .oauth2(admin)
                .get("/api/admin/analytics/customers?from=2042-02-01&to=2042-05-01&granularity=month&format=csv")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        assertThat(csv)
                .isEqualTo("bucket,new_customers,returning_customers,customer_orders,guest_orders\r\n"
                        + "2042-02-01T00:00:00Z,2,0,3,0\r\n"
                        + "2042-03-01T00:00:00Z,1,2,3,0\r\n"
                        + "2042-04-01T00:00:00Z,0,1,1,2\r\n");
    }

    @Test
    void rejectsBadParametersWithAProblem() {
        for (String path : List.of(
                "/api/admin/analytics/customers?granularity=year",
                "/api/admin/analytics/customers?to=someday",
                "/api/admin/analytics/customers/cohorts?from=2042-05-01&to=2042-01-01",
                "/api/admin/analytics/customers/top?limit=0",
                "/api/admin/analytics/customers/top?limit=101",
                "/api/admin/analytics/customers/top?limit=many",
                "/api/admin/analytics/customers/top?currency=EURO",
                "/api/admin/analytics/customers/top?format=pdf")) {
            given().auth()
                    .oauth2(admin)
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED"));
        }
    }

    @Test
    void isForAdminsOnly() {
        for (String path : List.of(
                "/api/admin/analytics/customers",
                "/api/admin/analytics/customers/cohorts",
                "/api/admin/analytics/customers/top")) {
            given().get(path).then().statusCode(401);
            given().auth()
                    .oauth2(TestTokenIssuer.customer(UUID.randomUUID()))
                    .get(path)
                    .then()
                    .statusCode(403);
        }
    }

    private static UUID paid(Events events, UUID customer, String at, long totalMinor) {
        UUID id = UUID.randomUUID();
        Instant paidAt = Instant.parse(at);
        events.publish(
                "orders",
                "order.placed",
                id.toString(),
                paidAt.minusSeconds(60),
                order(id, customer, totalMinor, "PENDING_PAYMENT"));
        var paid = order(id, customer, totalMinor, "PAID");
        paid.put("lines", List.of(Events.line(UUID.randomUUID(), "CUST-1", 1, totalMinor)));
        events.publish("orders", "order.paid", id.toString(), paidAt, paid);
        return id;
    }

    private static Map<String, Object> order(UUID id, UUID customer, long totalMinor, String status) {
        var data = new HashMap<>(Events.order(id, customer, totalMinor, status));
        data.put("currency", CURRENCY);
        return data;
    }

    private long count(String sql) throws java.sql.SQLException {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(sql)) {
            query.setString(1, CURRENCY);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
