package com.scalecommerce.users.login;

import static com.scalecommerce.users.Api.PASSWORD;
import static com.scalecommerce.users.Api.jwtPart;
import static com.scalecommerce.users.Api.login;
import static com.scalecommerce.users.Api.me;
import static com.scalecommerce.users.Api.newEmail;
import static com.scalecommerce.users.Api.refresh;
import static com.scalecommerce.users.Api.signedUp;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.scalecommerce.users.Api;
import com.scalecommerce.users.UsersTestEnvironment;
import com.scalecommerce.users.account.AccountStatus;
import com.scalecommerce.users.account.Accounts;
import com.scalecommerce.users.account.Role;
import com.scalecommerce.users.token.Sessions;
import de.mkammerer.argon2.Argon2Factory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(UsersTestEnvironment.class)
class LoginSessionTest {

    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

    @BeforeEach
    void signInFromAFreshAddress() {
        Api.useFreshClientAddress();
    }

    @Test
    void loginReturnsBearerTokensWithTheAgreedClaims() {
        String email = newEmail();
        Api.register(email, PASSWORD).then().statusCode(202);

        var response = login(email, PASSWORD)
                .then()
                .statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .body("token_type", equalTo("Bearer"))
                .extract();
        String accessToken = response.path("access_token");
        String refreshToken = response.path("refresh_token");
        int expiresIn = response.path("expires_in");

        assertThat(expiresIn).isBetween(1, 900);
        assertThat(refreshToken).hasSizeGreaterThanOrEqualTo(43).doesNotContain(".");
        var header = jwtPart(accessToken, 0);
        assertThat(header.getString("alg")).isEqualTo("RS256");
        assertThat(header.getString("typ")).isEqualTo("at+jwt");
        assertThat(header.getString("kid")).isNotBlank();
        var claims = jwtPart(accessToken, 1);
        assertThat(claims.getString("iss")).isEqualTo("http://localhost:8081");
        assertThat(claims.getString("aud")).isEqualTo("scalecommerce");
        assertThat(claims.getList("roles")).containsExactly("CUSTOMER");
        assertThat(claims.getString("email")).isEqualTo(email);
        assertThat(claims.getBoolean("email_verified")).isFalse();
        assertThat(claims.getString("jti")).isNotBlank();
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(expiresIn);

        String id = me(accessToken).then().statusCode(200).extract().path("id");
        assertThat(claims.getString("sub")).isEqualTo(id);
    }

    @Test
    void refreshRotatesTheRefreshTokenWithinTheSession() {
        var first = signedUp(newEmail());

        var second = refresh((String) first.get("refresh_token"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(second.getString("refresh_token")).isNotEqualTo(first.get("refresh_token"));
        assertThat(jwtPart(second.getString("access_token"), 1).getString("sid"))
                .isEqualTo(jwtPart((String) first.get("access_token"), 1).getString("sid"));
        me(second.getString("access_token")).then().statusCode(200);
        refresh(second.getString("refresh_token")).then().statusCode(200);
    }

    @Test
    void rejectsReuseOfARotatedRefreshTokenAndEndsItsWholeFamily() {
        var first = signedUp(newEmail());
        String stolen = (String) first.get("refresh_token");
        var second = refresh(stolen).then().statusCode(200).extract().jsonPath();

        refresh(stolen)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_REFRESH_TOKEN"));

        refresh(second.getString("refresh_token")).then().statusCode(401);
        me(second.getString("access_token")).then().statusCode(401).body("code", equalTo("TOKEN_REVOKED"));
    }

    @Test
    void concurrentRefreshesWithOneTokenLetAtMostOneThrough() throws Exception {
        String token = (String) signedUp(newEmail()).get("refresh_token");
        var start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> attempts = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return refresh(token).statusCode();
                }))
                .toList();
        start.countDown();
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsOnly(200, 401);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
    }

    @Test
    void logoutEndsTheSessionAndTheAccessTokenPresentedWithIt() {
        var tokens = signedUp(newEmail());
        String accessToken = (String) tokens.get("access_token");

        given().auth()
                .oauth2(accessToken)
                .contentType(ContentType.JSON)
                .body(Map.of("refresh_token", tokens.get("refresh_token")))
                .post("/api/auth/logout")
                .then()
                .statusCode(204);

        refresh((String) tokens.get("refresh_token")).then().statusCode(401);
        me(accessToken).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void logoutWithAnotherSessionsAccessTokenEndsThatSessionToo() {
        String email = newEmail();
        var phone = signedUp(email);
        var laptop = login(email, PASSWORD).then().statusCode(200).extract().jsonPath();
        var tablet = login(email, PASSWORD).then().statusCode(200).extract().jsonPath();

        given().auth()
                .oauth2(laptop.getString("access_token"))
                .contentType(ContentType.JSON)
                .body(Map.of("refresh_token", phone.get("refresh_token")))
                .post("/api/auth/logout")
                .then()
                .statusCode(204);

        // The access token's session is ended with it, not that one token alone: its refresh token is refused too.
        me(laptop.getString("access_token")).then().statusCode(401);
        refresh(laptop.getString("refresh_token")).then().statusCode(401);
        me((String) phone.get("access_token")).then().statusCode(401);
        me(tablet.getString("access_token")).then().statusCode(200);
    }

    @Test
    void logoutLeavesTheOtherSessionsOfTheAccountAlone() {
        String email = newEmail();
        var phone = signedUp(email);
        var laptop = login(email, PASSWORD).then().statusCode(200).extract().jsonPath();

        given().contentType(ContentType.JSON)
                .body(Map.of("refresh_token", phone.get("refresh_token")))
                .post("/api/auth/logout")
                .then()
                .statusCode(204);

        refresh((String) phone.get("refresh_token")).then().statusCode(401);
        refresh(laptop.getString("refresh_token")).then().statusCode(200);
    }

    @Test
    void disabledAccountsCanNeitherLogInNorRefresh() {
        String email = newEmail();
        var tokens = signedUp(email);
        UUID id = accounts.findByEmail(email).orElseThrow().id();

        accounts.changeStatus(id, AccountStatus.DISABLED);

        login(email, PASSWORD).then().statusCode(403).contentType("application/problem+json");
        refresh((String) tokens.get("refresh_token")).then().statusCode(401);
        me((String) tokens.get("access_token")).then().statusCode(401);
    }

    @Test
    void revokingAllSessionsEndsEveryRefreshTokenOfTheAccount() {
        String email = newEmail();
        var one = signedUp(email);
        var two = login(email, PASSWORD).then().statusCode(200).extract().jsonPath();

        sessions.revokeAll(accounts.findByEmail(email).orElseThrow().id());

        refresh((String) one.get("refresh_token")).then().statusCode(401);
        refresh(two.getString("refresh_token")).then().statusCode(401);
        me(two.getString("access_token")).then().statusCode(401);
    }

    @Test
    void rehashesThePasswordOnLoginWhenTheHashingParametersChanged() {
        String email = newEmail();
        var weak = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
        String oldHash = weak.hash(1, 4096, 1, PASSWORD.toCharArray());
        var account = accounts.create(email, oldHash, null, java.util.Set.of(Role.CUSTOMER), true);

        login(email, PASSWORD).then().statusCode(200);

        String newHash = accounts.findById(account.id()).orElseThrow().passwordHash();
        assertThat(newHash).isNotEqualTo(oldHash).contains("m=19456,t=2,p=1");
        login(email, PASSWORD).then().statusCode(200);
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownRefreshToken() {
        String email = newEmail();
        signedUp(email);
        login(email, "not the password at all")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("INVALID_CREDENTIALS"));
        refresh("made-up-token").then().statusCode(401);
    }
}
