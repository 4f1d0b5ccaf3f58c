package com.scalecommerce.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemDetailsTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void validationErrorsListEveryInvalidField() {
        given().contentType("application/json")
                .body("{\"email\":\"not-an-email\",\"quantity\":0}")
                .post("/probe/signup")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("email", "quantity"));
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        given().contentType("application/json")
                .body("{\"email\":")
                .post("/probe/signup")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void aWronglyTypedFieldIsNamed() {
        given().contentType("application/json")
                .body("{\"email\":\"a@b.co\",\"quantity\":\"many\"}")
                .post("/probe/signup")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("quantity"));
    }

    @Test
    void domainProblemsKeepTheirStableCode() {
        given().get("/probe/conflict")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("EMAIL_TAKEN"))
                .body("type", equalTo("https://docs.scalecommerce.dev/problems/email-taken"))
                .body("detail", equalTo("That email is already registered."));
    }

    @Test
    void throttlingAnswersWithRetryAfter() {
        given().get("/probe/throttled")
                .then()
                .statusCode(429)
                .header("Retry-After", "42")
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aDatabaseThatRefusesConnectionsIsA503WithRetryAfterNotA500() {
        given().get("/probe/database-full")
                .then()
                .statusCode(503)
                .contentType(PROBLEM_JSON)
                .header("Retry-After", equalTo("1"))
                .body("code", equalTo("DATABASE_UNAVAILABLE"))
                .body("detail", not(containsString("clients")));
    }

    @Test
    void unexpectedFailuresLeakNoInternals() {
        given().get("/probe/bug")
                .then()
                .statusCode(500)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("INTERNAL_ERROR"))
                .body("requestId", notNullValue())
                .body(not(containsString("secret internal detail")))
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        given().get("/nowhere").then().statusCode(404).contentType(PROBLEM_JSON);
        given().delete("/probe/conflict").then().statusCode(405).contentType(PROBLEM_JSON);
    }

    @Test
    void missingOrForgedTokensAre401Problems() {
        given().get("/probe/admin")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
                .get("/probe/admin")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aSaneCallerRequestIdIsKeptAndEchoed() {
        given().header("X-Request-Id", "checkout-1234")
                .get("/probe/conflict")
                .then()
                .header("X-Request-Id", "checkout-1234")
                .body("requestId", equalTo("checkout-1234"));
    }

    @Test
    void anUnsafeRequestIdIsReplaced() {
        given().header("X-Request-Id", "evil\tid with spaces and more")
                .get("/probe/conflict")
                .then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }
}
