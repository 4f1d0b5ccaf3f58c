package com.scalecommerce.users.throttle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.scalecommerce.users.Api;
import com.scalecommerce.users.UsersTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(UsersTestEnvironment.class)
class MailThrottleTest {

    @Test
    void aFloodOfResetRequestsForOneAddressMailsItOnlyItsBudget() throws InterruptedException {
        Api.useFreshClientAddress();
        String email = Api.newEmail();
        Api.register(email, Api.PASSWORD).then().statusCode(202);

        for (int i = 0; i < 8; i++) {
            Api.useFreshClientAddress();
            forgot(email).then().statusCode(202);
        }

        Api.mailsTo(email, 1 + 5);
        Thread.sleep(Duration.ofSeconds(1));
        long resets = Api.received(email).stream()
                .filter(m -> Api.subject(m).toLowerCase().contains("password"))
                .count();
        assertThat(resets).isEqualTo(5);
    }

    @Test
    void tooManyMailRequestsFromOneClientAre429sForKnownAndUnknownAddressesAlike() {
        Api.useFreshClientAddress();
        for (int i = 0; i < 60; i++) {
            forgot(Api.newEmail()).then().statusCode(202);
        }
        forgot(Api.newEmail())
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json")
                .body("code", equalTo("TOO_MANY_REQUESTS"));
        Api.register(Api.newEmail(), Api.PASSWORD).then().statusCode(429);

        Api.useFreshClientAddress();
        forgot(Api.newEmail()).then().statusCode(202);
    }

    private static io.restassured.response.Response forgot(String email) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email))
                .post("/api/auth/password/forgot");
    }
}
