package com.scalecommerce.platform.web.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A REST client call (PropagationResource calls itself, as one service calls another) is timed once, by
 * ClientCallTimings: Quarkus' own REST client metrics filter, which handed every answer to a worker thread, stays off.
 */
@QuarkusTest
class ClientCallTimingsTest {

    private static final Pattern ECHO_CALLS =
            Pattern.compile("http_client_requests_seconds_count\\{([^}]*uri=\"/propagation/echo\"[^}]*)} ([0-9.]+)");

    @Test
    void eachCallIsTimedOnceUnderItsPathTemplate() {
        double before = echoCalls().count();

        given().get("/propagation/call").then().statusCode(200);
        given().get("/propagation/call").then().statusCode(200);

        EchoCalls after = echoCalls();
        assertThat(after.count() - before).isEqualTo(2.0);
        assertThat(after.labels())
                .contains("method=\"GET\"", "status=\"200\"", "outcome=\"SUCCESS\"", "clientName=\"localhost\"");
    }

    @Test
    void outcomesFollowTheStatusClass() {
        assertThat(ClientCallTimings.outcome(204)).isEqualTo("SUCCESS");
        assertThat(ClientCallTimings.outcome(303)).isEqualTo("REDIRECTION");
        assertThat(ClientCallTimings.outcome(404)).isEqualTo("CLIENT_ERROR");
        assertThat(ClientCallTimings.outcome(503)).isEqualTo("SERVER_ERROR");
    }

    private record EchoCalls(String labels, double count) {}

    private static EchoCalls echoCalls() {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher series = ECHO_CALLS.matcher(metrics);
        if (!series.find()) {
            return new EchoCalls("", 0);
        }
        var found = new EchoCalls(series.group(1), Double.parseDouble(series.group(2)));
        assertThat(series.find()).as("one series for the echo calls").isFalse();
        return found;
    }
}
