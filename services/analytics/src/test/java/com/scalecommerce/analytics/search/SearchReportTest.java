package com.scalecommerce.analytics.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
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

// This class owns the year 2043 of the shared test database.
@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class SearchReportTest {

    private static final String RANGE = "from=2043-06-01&to=2043-06-03";
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
        Instant t = Instant.parse("2043-06-01T12:00:00Z");
        search(events, "green mug", 3, t);
        search(events, "Green Mug", 5, t.plusSeconds(1));
        search(events, "  green   mug ", 0, t.plusSeconds(2));
        search(events, "  Blue  Plate", 4, t.plusSeconds(3));
        search(events, "blue plate", 4, t.plusSeconds(86_400));
        search(events, "unicorn", 0, t.plusSeconds(5));
        search(events, "UNICORN", 0, t.plusSeconds(6));
        search(events, "teapot", 1, t.plusSeconds(7));
        // Just outside the range.
        search(events, "teapot", 0, Instant.parse("2043-06-03T00:00:00Z"));
        search(events, "teapot", 0, Instant.parse("2043-05-31T23:59:59Z"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            try (var connection = db.getConnection();
                    var query = connection.prepareStatement(
                            "select count(*) from fact_search where at >= '2043-01-01' and at < '2044-01-01'");
                    var rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(10);
            }
        });
        published = true;
    }

    @Test
    void ranksNormalisedQueriesByCountWithTheirAverageResults() {
        given().auth()
                .oauth2(admin)
                .get("/api/admin/analytics/search?" + RANGE)
                .then()
                .statusCode(200)
                .body("searches", equalTo(8))
                .body("zeroResultSearches", equalTo(3))
                .body("zeroResultRate", equalTo(0.375f))
                .body("distinctQueries", equalTo(4))
                .body("topQueries.query", contains("green mug", "blue plate", "unicorn", "teapot"))
                .body("topQueries.searches", contains(3, 2, 2, 1))
                .body("topQueries.averageResults", contains(2.67f, 4.0f, 0.0f, 1.0f))
                .body("zeroResultQueries.query", contains("unicorn", "green mug"))
                .body("zeroResultQueries.searches", contains(2, 1));
    }

    @Test
    void limitsEachList() {
        given().auth()
                .oauth2(admin)
                .get("/api/admin/analytics/search?limit=1&" + RANGE)
                .then()
                .statusCode(200)
                .body("searches", equalTo(8))
                .body("topQueries.query", contains("green mug"))
                .body("zeroResultQueries.query", contains("unicorn"));
    }

    @Test
    void anEmptyRangeHasEmptyLists() {
        given().auth()
                .oauth2(admin)
                .get("/api/admin/analytics/search?from=2043-09-01&to=2043-09-02")
                .then()
                .statusCode(200)
                .body("searches", equalTo(0))
                .body("zeroResultRate", nullValue())
                .body("topQueries", empty())
                .body("zeroResultQueries", empty());
    }

    @Test
    void exportsCsv() {
        String csv = given().auth()
                .oauth2(admin)
                .accept("text/csv")
                .get("/api/admin/analytics/search?limit=2&" + RANGE)
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"search.csv\"")
                .extract()
                .asString();
        assertThat(csv)
                .isEqualTo("list,query,searches,average_results\r\n"
                        + "top,green mug,3,2.67\r\n"
                        + "top,blue plate,2,4.0\r\n"
                        + "zero_results,unicorn,2,0.0\r\n"
                        + "zero_results,green mug,1,0.0\r\n");
    }

    @Test
    void rejectsBadParametersWithAProblem() {
        for (String query : List.of("limit=0", "limit=101", "limit=ten", "from=June", "format=xlsx")) {
            given().auth()
                    .oauth2(admin)
                    .get("/api/admin/analytics/search?" + query)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED"));
        }
    }

    @Test
    void isForAdminsOnly() {
        given().get("/api/admin/analytics/search").then().statusCode(401);
        given().auth()
                .oauth2(TestTokenIssuer.customer(UUID.randomUUID()))
                .get("/api/admin/analytics/search")
                .then()
                .statusCode(403);
    }

    private static void search(Events events, String query, int results, Instant at) {
        events.publish(
                "products",
                "search.performed",
                null,
                at,
                Map.of("query", query, "resultCount", results, "sessionId", "s-" + UUID.randomUUID()));
    }
}
