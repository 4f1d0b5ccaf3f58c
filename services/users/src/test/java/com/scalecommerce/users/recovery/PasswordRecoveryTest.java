package com.scalecommerce.users.recovery;

import static com.scalecommerce.users.Api.PASSWORD;
import static com.scalecommerce.users.Api.linkIn;
import static com.scalecommerce.users.Api.login;
import static com.scalecommerce.users.Api.me;
import static com.scalecommerce.users.Api.newEmail;
import static com.scalecommerce.users.Api.refresh;
import static com.scalecommerce.users.Api.signedUp;
import static com.scalecommerce.users.Api.subject;
import static com.scalecommerce.users.Api.tokenFromLink;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.scalecommerce.users.Api;
import com.scalecommerce.users.UsersTestEnvironment;
import com.scalecommerce.users.token.OpaqueTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(UsersTestEnvironment.class)
class PasswordRecoveryTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    @Inject
    DataSource db;

    @BeforeEach
    void signInFromAFreshAddress() {
        Api.useFreshClientAddress();
    }

    @Test
    void resetsThePasswordThroughTheMailedLinkAndEndsEverySession() {
        String email = newEmail();
        var session = signedUp(email);

        forgot(email).then().statusCode(202);
        var mail = resetMails(email, 1).getFirst();
        assertThat(subject(mail)).isEqualTo("Reset your password");
        String link = linkIn(mail);
        assertThat(link).startsWith("http://localhost:8080/reset-password?token=");

        reset(tokenFromLink(link), NEW_PASSWORD).then().statusCode(204);

        refresh((String) session.get("refresh_token")).then().statusCode(401);
        me((String) session.get("access_token")).then().statusCode(401);
        login(email, PASSWORD).then().statusCode(401);
        login(email, NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void rejectsReuseOfAResetToken() {
        String email = newEmail();
        signedUp(email);
        forgot(email).then().statusCode(202);
        String token = tokenFromLink(linkIn(resetMails(email, 1).getFirst()));
        reset(token, NEW_PASSWORD).then().statusCode(204);

        reset(token, "yet another passphrase")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_TOKEN"));
        login(email, NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void aNewerResetTokenVoidsTheOlderOne() {
        String email = newEmail();
        signedUp(email);
        forgot(email).then().statusCode(202);
        String older = tokenFromLink(linkIn(resetMails(email, 1).getFirst()));
        forgot(email).then().statusCode(202);
        String newer = tokenFromLink(linkIn(resetMails(email, 2).get(1)));

        reset(older, NEW_PASSWORD).then().statusCode(400).body("code", equalTo("INVALID_TOKEN"));
        reset(newer, NEW_PASSWORD).then().statusCode(204);
    }

    @Test
    void refusesAnExpiredResetToken() throws SQLException {
        String email = newEmail();
        signedUp(email);
        forgot(email).then().statusCode(202);
        String token = tokenFromLink(linkIn(resetMails(email, 1).getFirst()));
        try (var c = db.getConnection();
                var s = c.prepareStatement("update password_reset_token set expires_at = now() - interval '1 second'"
                        + " where token_hash = ?")) {
            s.setBytes(1, OpaqueTokens.hash(token));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        reset(token, NEW_PASSWORD).then().statusCode(400).body("code", equalTo("INVALID_TOKEN"));
        login(email, PASSWORD).then().statusCode(200);
    }

    @Test
    void appliesThePasswordPolicyToTheNewPassword() {
        String email = newEmail();
        signedUp(email);
        forgot(email).then().statusCode(202);
        String token = tokenFromLink(linkIn(resetMails(email, 1).getFirst()));

        reset(token, "password1").then().statusCode(400).body("errors.field", hasItem("password"));
        // A refused password does not spend the token.
        reset(token, NEW_PASSWORD).then().statusCode(204);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOnlyTheOtherSessions() {
        String email = newEmail();
        var here = signedUp(email);
        var elsewhere = login(email, PASSWORD).then().statusCode(200).extract().jsonPath();
        String accessToken = (String) here.get("access_token");

        change(accessToken, "not my password", NEW_PASSWORD)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("currentPassword"));
        change(accessToken, PASSWORD, "12345678").then().statusCode(400).body("errors.field", hasItem("newPassword"));

        change(accessToken, PASSWORD, NEW_PASSWORD).then().statusCode(204);

        me(accessToken).then().statusCode(200);
        refresh((String) here.get("refresh_token")).then().statusCode(200);
        refresh(elsewhere.getString("refresh_token")).then().statusCode(401);
        me(elsewhere.getString("access_token")).then().statusCode(401);
        login(email, NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void changingThePasswordNeedsAnAccessToken() {
        given().contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD))
                .put("/api/users/me/password")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    private static java.util.List<jakarta.mail.internet.MimeMessage> resetMails(String email, int atLeast) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> onlyResets(email).size() >= atLeast);
        return onlyResets(email);
    }

    private static java.util.List<jakarta.mail.internet.MimeMessage> onlyResets(String email) {
        return Api.received(email).stream()
                .filter(m -> subject(m).equals("Reset your password"))
                .toList();
    }

    private static Response forgot(String email) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email))
                .post("/api/auth/password/forgot");
    }

    private static Response reset(String token, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("token", token, "password", password))
                .post("/api/auth/password/reset");
    }

    private static Response change(String accessToken, String current, String next) {
        return given().auth()
                .oauth2(accessToken)
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", current, "newPassword", next))
                .put("/api/users/me/password");
    }
}
