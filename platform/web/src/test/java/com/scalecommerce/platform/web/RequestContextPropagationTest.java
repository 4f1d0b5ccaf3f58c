package com.scalecommerce.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestContextPropagationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    /** No OTLP endpoint in tests, so tracing is off (TraceExportSwitch): the request id is what correlates. */
    @Test
    void theRequestIdFollowsACallToAnotherServiceAndTraceContextOnlyWhenTracingIsOn() {
        given().header("X-Request-Id", "order-flow-0001")
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .get("/propagation/call")
                .then()
                .statusCode(200)
                .body("requestId", equalTo("order-flow-0001"))
                .body("traceparent", equalTo("null"));
    }
}
