package com.scalecommerce.platform.web.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Quarkus REST works out every request's route template up front in case authentication refuses it; the
 * platform's filter defers that to the refusal (see AuthFailureTemplatePath). The first test fails without the
 * filter. The second guards the common case, a refusal inside Quarkus REST, which names its route itself: it would
 * pass without the filter too. Neither reaches the deferred handler, which only a refusal before Quarkus REST calls
 * (a test through an HTTP permission policy still passed with the naming switched off, so it was not kept).
 */
@QuarkusTest
class AuthFailureTemplatePathTest {

    private static final String FORGED = "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.";

    @Test
    void aRequestCarriesTheHandlerThatNamesTheRouteOnlyWhenCalledUntilQuarkusRestTakesOver() {
        assertThat(given().get("/auth-failure-probe-route")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .isEqualTo("names the route when called");
        // Inside, a refusal is left to the exception mappers, as with Quarkus' own handler, which it removes.
        assertThat(given().get("/auth-failure-probe/handler")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .isEqualTo("none");
    }

    @Test
    void refusedRequestsAreStillCountedUnderTheirRouteTemplate() {
        double before = refused("/auth-failure-probe/orders/{id}");

        given().header("Authorization", FORGED)
                .get("/auth-failure-probe/orders/o-1")
                .then()
                .statusCode(401);
        given().get("/auth-failure-probe/orders/o-2").then().statusCode(401);

        assertThat(refused("/auth-failure-probe/orders/{id}") - before).isEqualTo(2.0);
        assertThat(refused("/auth-failure-probe/orders/o-1")).isZero();
        assertThat(refused("/auth-failure-probe/orders/o-2")).isZero();
    }

    private static double refused(String uri) {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        // Line by line: a template's braces sit inside the label set's.
        Matcher series = Pattern.compile("^http_server_requests_seconds_count\\{(.*)} ([0-9.E]+)$", Pattern.MULTILINE)
                .matcher(metrics);
        double count = 0;
        while (series.find()) {
            String labels = series.group(1);
            if (labels.contains("uri=\"" + uri + "\"") && labels.contains("status=\"401\"")) {
                count += Double.parseDouble(series.group(2));
            }
        }
        return count;
    }
}
