package com.scalecommerce.users.registration;

import static com.scalecommerce.users.Api.PASSWORD;
import static com.scalecommerce.users.Api.jwtPart;
import static com.scalecommerce.users.Api.linkIn;
import static com.scalecommerce.users.Api.login;
import static com.scalecommerce.users.Api.mailsTo;
import static com.scalecommerce.users.Api.me;
import static com.scalecommerce.users.Api.newEmail;
import static com.scalecommerce.users.Api.register;
import static com.scalecommerce.users.Api.subject;
import static com.scalecommerce.users.Api.tokenFromLink;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.scalecommerce.users.Api;
import com.scalecommerce.users.UsersTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(UsersTestEnvironment.class)
class RegistrationTest {

    @BeforeEach
    void signInFromAFreshAddress() {
        Api.useFreshClientAddress();
    }

    @Test
    void normalisesTheEmailAndVerifiesItThroughTheMailedLink() {
        String email = newEmail();
        String typed = "  " + email.toUpperCase() + " ";

        register(typed, PASSWORD).then().statusCode(202).body("status", equalTo("PENDING_VERIFICATION"));

        var mail = mailsTo(email, 1).getFirst();
        assertThat(subject(mail)).isEqualTo("Confirm your email address");
        String link = linkIn(mail);
        assertThat(link).startsWith("http://localhost:8080/verify-email?token=");
        String token = tokenFromLink(link);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);

        String accessToken =
                login(typed, PASSWORD).then().statusCode(200).extract().path("access_token");
        assertThat(jwtPart(accessToken, 1).getString("email")).isEqualTo(email);
        assertThat(jwtPart(accessToken, 1).getBoolean("email_verified")).isFalse();
        me(accessToken).then().statusCode(200).body("email", equalTo(email)).body("emailVerified", equalTo(false));

        given().contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .post("/api/auth/email/verify")
                .then()
                .statusCode(204);

        me(accessToken).then().statusCode(200).body("emailVerified", equalTo(true));
        String fresh = login(email, PASSWORD).then().statusCode(200).extract().path("access_token");
        assertThat(jwtPart(fresh, 1).getBoolean("email_verified")).isTrue();
    }

    @Test
    void rejectsReuseOfAVerificationToken() {
        String email = newEmail();
        register(email, PASSWORD).then().statusCode(202);
        String token = tokenFromLink(linkIn(mailsTo(email, 1).getFirst()));
        var verify = given().contentType(ContentType.JSON).body(Map.of("token", token));
        verify.post("/api/auth/email/verify").then().statusCode(204);

        given().contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .post("/api/auth/email/verify")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_TOKEN"));
    }

    @Test
    void keepsOneAccountPerEmailWhateverItsCase() {
        String email = newEmail();
        register(email, PASSWORD).then().statusCode(202);
        register(email.toUpperCase(), "another long passphrase").then().statusCode(202);

        login(email, "another long passphrase").then().statusCode(401);
        login(email, PASSWORD).then().statusCode(200);
    }

    @Test
    void mailsTheOwnerWhenSomeoneRegistersTheirVerifiedAddressAgain() {
        String email = newEmail();
        register(email, PASSWORD).then().statusCode(202);
        String token = tokenFromLink(linkIn(mailsTo(email, 1).getFirst()));
        given().contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .post("/api/auth/email/verify")
                .then()
                .statusCode(204);

        register(email, "someone else's password").then().statusCode(202);

        var mails = mailsTo(email, 2);
        assertThat(subject(mails.get(1))).isEqualTo("Someone tried to create an account with your address");
    }

    @Test
    void rejectsPasswordsShorterThanEightCharacters() {
        register(newEmail(), "short12")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("password"));
    }

    @Test
    void rejectsCommonPasswordsWhateverTheirCase() {
        register(newEmail(), "PassWord123").then().statusCode(400).body("errors.field", hasItem("password"));
        register(newEmail(), "QWERTYUIOP").then().statusCode(400).body("errors.field", hasItem("password"));
    }

    @Test
    void acceptsLongPassphrasesWithoutTruncatingThem() {
        String sixtyFour = "a".repeat(20) + " long and rather uncommon passphrase 1234567";
        assertThat(sixtyFour).hasSize(64);
        String email64 = newEmail();
        register(email64, sixtyFour).then().statusCode(202);
        login(email64, sixtyFour).then().statusCode(200);

        String twoHundred =
                "The quick brown fox jumps over the lazy dog, twice! ".repeat(4).substring(0, 200);
        String email200 = newEmail();
        register(email200, twoHundred).then().statusCode(202);
        login(email200, twoHundred).then().statusCode(200);
        // bcrypt would have cut it at 72 bytes; every character must count.
        login(email200, twoHundred.substring(0, 72)).then().statusCode(401);
    }

    @Test
    void rejectsPasswordsLongerThanTheHashingBound() {
        register(newEmail(), "x".repeat(257)).then().statusCode(400).body("errors.field", hasItem("password"));
    }

    @Test
    void rejectsAnImplausibleEmail() {
        register("not-an-email", PASSWORD).then().statusCode(400).body("errors.field", hasItem("email"));
        register("", PASSWORD).then().statusCode(400).body("errors.field", hasItem("email"));
    }

    @Test
    void answersMalformedBodiesWithAProblemNotAnError() {
        given().contentType(ContentType.JSON)
                .body("{\"email\": ")
                .post("/api/auth/register")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .post("/api/auth/register")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
