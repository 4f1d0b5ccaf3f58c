package com.scalecommerce.users.login;

import static com.scalecommerce.users.Api.PASSWORD;
import static com.scalecommerce.users.Api.newEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.users.Api;
import com.scalecommerce.users.UsersTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Register, login and forgot-password must not tell whether an address has an account. */
@QuarkusTest
@QuarkusTestResource(UsersTestEnvironment.class)
class AccountEnumerationTest {

    // Generous: the point is to catch a path that skips hashing (10x faster), not to measure noise.
    private static final double TIMING_FACTOR = 3.0;
    private static final int SAMPLES = 15;

    @BeforeEach
    void signInFromAFreshAddress() {
        Api.useFreshClientAddress();
    }

    @Test
    void registerAnswersAnExistingAddressExactlyLikeANewOne() {
        String existing = newEmail();
        Api.register(existing, PASSWORD).then().statusCode(202);

        Response again = Api.register(existing, "a different passphrase");
        Response fresh = Api.register(newEmail(), "a different passphrase");

        assertSameAnswer(again, fresh);
    }

    @Test
    void loginAnswersAWrongPasswordExactlyLikeAnUnknownAddress() {
        String existing = newEmail();
        Api.register(existing, PASSWORD).then().statusCode(202);

        Response wrongPassword = Api.login(existing, "not the right one");
        Response unknown = Api.login(newEmail(), "not the right one");

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertSameAnswer(wrongPassword, unknown);
    }

    @Test
    void forgotPasswordAnswersAnExistingAddressExactlyLikeAnUnknownOne() {
        String existing = newEmail();
        Api.register(existing, PASSWORD).then().statusCode(202);
        Api.mailsTo(existing, 1);

        Response known = forgot(existing);
        String unknownEmail = newEmail();
        Response unknown = forgot(unknownEmail);

        assertThat(known.statusCode()).isEqualTo(202);
        assertSameAnswer(known, unknown);
        Api.mailsTo(existing, 2);
        assertThat(Api.received(unknownEmail)).isEmpty();
    }

    @Test
    void loginTakesAboutAsLongForUnknownAddressesAsForWrongPasswords() {
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            String email = newEmail();
            Api.register(email, PASSWORD).then().statusCode(202);
            existing.add(email);
        }
        var known = existing.iterator();
        long[] medians = interleavedMedianNanos(
                () -> Api.login(known.next(), "wrong password here"),
                () -> Api.login(newEmail(), "wrong password here"));

        assertWithinFactor(medians[0], medians[1]);
    }

    @Test
    void registerTakesAboutAsLongForExistingAddressesAsForNewOnes() {
        String existing = newEmail();
        Api.register(existing, PASSWORD).then().statusCode(202);

        long[] medians = interleavedMedianNanos(
                () -> Api.register(existing, "some new passphrase"),
                () -> Api.register(newEmail(), "some new passphrase"));

        assertWithinFactor(medians[0], medians[1]);
    }

    private static void assertSameAnswer(Response a, Response b) {
        assertThat(a.statusCode()).isEqualTo(b.statusCode());
        assertThat(a.contentType()).isEqualTo(b.contentType());
        assertThat(withoutRequestId(a)).isEqualTo(withoutRequestId(b));
    }

    private static Map<String, Object> withoutRequestId(Response response) {
        Map<String, Object> body = new java.util.HashMap<>(response.jsonPath().getMap(""));
        body.remove("requestId");
        return body;
    }

    private static Response forgot(String email) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email))
                .post("/api/auth/password/forgot");
    }

    /** Alternates the two calls, so a change in machine load affects both samples alike. */
    private static long[] interleavedMedianNanos(Supplier<Response> first, Supplier<Response> second) {
        first.get(); // warm-up
        second.get();
        List<Long> firstTimes = new ArrayList<>();
        List<Long> secondTimes = new ArrayList<>();
        for (int i = 0; i < SAMPLES - 1; i++) {
            Api.useFreshClientAddress();
            firstTimes.add(timeNanos(first));
            secondTimes.add(timeNanos(second));
        }
        return new long[] {median(firstTimes), median(secondTimes)};
    }

    private static long timeNanos(Supplier<Response> call) {
        long start = System.nanoTime();
        call.get();
        return System.nanoTime() - start;
    }

    private static long median(List<Long> times) {
        times.sort(Long::compare);
        return times.get(times.size() / 2);
    }

    private static void assertWithinFactor(long a, long b) {
        double ratio = (double) Math.max(a, b) / Math.min(a, b);
        assertThat(ratio)
                .as("median %d ms vs %d ms", a / 1_000_000, b / 1_000_000)
                .isLessThan(TIMING_FACTOR);
    }
}
