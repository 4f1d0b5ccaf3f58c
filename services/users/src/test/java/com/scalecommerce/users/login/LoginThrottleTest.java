package com.scalecommerce.users.login;

import static com.scalecommerce.users.Api.PASSWORD;
import static com.scalecommerce.users.Api.newEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.scalecommerce.users.Api;
import com.scalecommerce.users.UsersTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Windows and delays are shortened in the test profile (see application.properties). */
@QuarkusTest
@QuarkusTestResource(UsersTestEnvironment.class)
class LoginThrottleTest {

    @TestHTTPResource("/api/auth/login")
    URI loginUrl;

    @org.junit.jupiter.api.BeforeEach
    void sendOnlyTheAddressesChosenHere() {
        io.restassured.RestAssured.requestSpecification = null;
    }

    @Test
    void slowsGuessingOnOneAccountAndLetsTheOwnerInOnceTheDelayHasPassed() {
        Api.useFreshClientAddress();
        String email = newEmail();
        Api.register(email, PASSWORD).then().statusCode(202);

        // From many addresses, so only the per-account limit can be what stops the guessing.
        for (int i = 0; i < 5; i++) {
            loginFrom(Api.randomIp(), email, "wrong guess " + i).then().statusCode(401);
        }
        Response blocked = loginFrom(Api.randomIp(), email, PASSWORD);
        blocked.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("TOO_MANY_REQUESTS"));
        assertThat(Integer.parseInt(blocked.header("Retry-After"))).isBetween(1, 2);

        await().atMost(Duration.ofSeconds(6))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> loginFrom(Api.randomIp(), email, PASSWORD).statusCode() == 200);

        // A successful login forgets the failures: the next mistake is a plain 401 again.
        loginFrom(Api.randomIp(), email, "one more typo").then().statusCode(401);
    }

    @Test
    void growsTheDelayWithEachFurtherFailure() {
        String email = newEmail();
        for (int i = 0; i < 5; i++) {
            loginFrom(Api.randomIp(), email, "guess " + i).then().statusCode(401);
        }
        await().atMost(Duration.ofSeconds(6))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> loginFrom(Api.randomIp(), email, "guess 5").statusCode() == 401);

        Response blocked = loginFrom(Api.randomIp(), email, "guess 6");
        blocked.then().statusCode(429);
        assertThat(Integer.parseInt(blocked.header("Retry-After"))).isBetween(3, 4);
    }

    @Test
    void limitsFailuresPerClientAddressAcrossAccounts() {
        String attacker = Api.randomIp();
        for (int i = 0; i < 20; i++) {
            loginFrom(attacker, newEmail(), "spray attempt").then().statusCode(401);
        }
        Response blocked = loginFrom(attacker, newEmail(), "spray attempt");
        blocked.then().statusCode(429).contentType("application/problem+json");
        assertThat(Integer.parseInt(blocked.header("Retry-After"))).isBetween(1, 15);

        // Another address is not affected.
        loginFrom(Api.randomIp(), newEmail(), "spray attempt").then().statusCode(401);

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> loginFrom(attacker, newEmail(), "spray attempt").statusCode() == 401);
    }

    @Test
    void parallelGuessesGetNoMoreThanTheFreeFailures() throws Exception {
        Api.useFreshClientAddress();
        String email = newEmail();
        Api.register(email, PASSWORD).then().statusCode(202);

        // All sent at once, each from its own address: checking the limit before the slow hash and counting
        // the failure after it would let every one of them through.
        int guesses = 12;
        var start = new CountDownLatch(1);
        List<Integer> statuses;
        try (var http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                var senders = Executors.newFixedThreadPool(guesses)) {
            List<Future<Integer>> answers = IntStream.range(0, guesses)
                    .mapToObj(i -> senders.submit(() -> {
                        start.await();
                        return guessFrom(http, Api.randomIp(), email, "parallel guess " + i);
                    }))
                    .toList();
            start.countDown();
            statuses = answers.stream().map(LoginThrottleTest::join).toList();
        }

        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses.stream().filter(status -> status == 401).count())
                .as("guesses checked against the password")
                .isBetween(1L, 5L);
    }

    private int guessFrom(HttpClient http, String ip, String email, String password) throws Exception {
        var request = HttpRequest.newBuilder(loginUrl)
                .header("X-Forwarded-For", ip)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response loginFrom(String ip, String email, String password) {
        return given().header("X-Forwarded-For", ip)
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/auth/login");
    }
}
