package com.scalecommerce.users.token;

import static com.scalecommerce.users.Api.PASSWORD;
import static com.scalecommerce.users.Api.jwtPart;
import static com.scalecommerce.users.Api.login;
import static com.scalecommerce.users.Api.me;
import static com.scalecommerce.users.Api.newEmail;
import static com.scalecommerce.users.Api.signedUp;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.scalecommerce.users.Api;
import com.scalecommerce.users.UsersTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies tokens the way another service would, with a third-party library and nothing but the
 * discovery document: no code shared with users.
 */
@QuarkusTest
@QuarkusTestResource(UsersTestEnvironment.class)
class JwksDiscoveryTest {

    @BeforeEach
    void signInFromAFreshAddress() {
        Api.useFreshClientAddress();
    }

    @Test
    void aTokenVerifiesWithNothingButTheDiscoveryDocumentAndItsJwks() throws Exception {
        String token = (String) signedUp(newEmail()).get("access_token");

        JWTClaimsSet claims = verifyLikeAnotherService(token);

        assertThat(claims.getStringListClaim("roles")).containsExactly("CUSTOMER");
        assertThat(claims.getAudience()).containsExactly("scalecommerce");
    }

    @Test
    void discoveryNamesTheIssuerAndTheEndpointsOtherServicesNeed() {
        given().get("/.well-known/openid-configuration")
                .then()
                .statusCode(200)
                .body("issuer", org.hamcrest.Matchers.equalTo("http://localhost:8081"))
                .body("jwks_uri", org.hamcrest.Matchers.endsWith("/.well-known/jwks.json"))
                .body("token_endpoint", org.hamcrest.Matchers.endsWith("/api/auth/token"))
                .body("grant_types_supported", org.hamcrest.Matchers.hasItem("client_credentials"))
                .body("id_token_signing_alg_values_supported", org.hamcrest.Matchers.contains("RS256"));
    }

    @Test
    void publishesOnlyPublicKeysWithAShortCacheLifetime() {
        var jwks = given().get("/.well-known/jwks.json")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("max-age=60"))
                .extract()
                .jsonPath();
        List<Map<String, Object>> keys = jwks.getList("keys");
        assertThat(keys).isNotEmpty().allSatisfy(key -> {
            assertThat(key).containsKeys("kty", "kid", "n", "e", "alg", "use");
            assertThat(key).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
        });
    }

    @Test
    void rotationPublishesTheNewKeyBeforeItSignsAndKeepsTheOldOneUntilItsTokensExpire() throws Exception {
        String admin = login(UsersTestEnvironment.ADMIN_EMAIL, UsersTestEnvironment.adminPassword())
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        String customerEmail = newEmail();
        String before = (String) signedUp(customerEmail).get("access_token");
        String oldKid = jwtPart(before, 0).getString("kid");

        String newKid = given().auth()
                .oauth2(admin)
                .post("/api/admin/signing-keys/rotate")
                .then()
                .statusCode(200)
                .extract()
                .path("kid");

        assertThat(newKid).isNotEqualTo(oldKid);
        List<String> published =
                given().get("/.well-known/jwks.json").then().extract().path("keys.kid");
        assertThat(published).contains(oldKid, newKid).hasSizeGreaterThanOrEqualTo(2);
        // Published first, signing only after the publish lead (2 s in tests).
        assertThat(jwtPart(loginAccess(customerEmail), 0).getString("kid")).isNotEqualTo(newKid);

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(300))
                .until(() ->
                        newKid.equals(jwtPart(loginAccess(customerEmail), 0).getString("kid")));

        verifyLikeAnotherService(before);
        verifyLikeAnotherService(loginAccess(customerEmail));
        me(before).then().statusCode(200);
    }

    @Test
    void onlyAdminsMayRotateKeys() {
        String customer = (String) signedUp(newEmail()).get("access_token");
        given().auth()
                .oauth2(customer)
                .post("/api/admin/signing-keys/rotate")
                .then()
                .statusCode(403);
        given().post("/api/admin/signing-keys/rotate").then().statusCode(401);
    }

    private static String loginAccess(String email) {
        return login(email, PASSWORD).then().statusCode(200).extract().path("access_token");
    }

    private static JWTClaimsSet verifyLikeAnotherService(String token) throws Exception {
        Map<String, Object> discovery = given().get("/.well-known/openid-configuration")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        String issuer = (String) discovery.get("issuer");
        JWKSet keys = JWKSet.load(URI.create((String) discovery.get("jwks_uri")).toURL());

        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                "scalecommerce",
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("sub", "iat", "exp", "jti", "roles")));
        return processor.process(token, null);
    }
}
