package com.scalecommerce.users.token;

import static com.scalecommerce.users.Api.me;
import static com.scalecommerce.users.Api.newEmail;
import static com.scalecommerce.users.Api.signedUp;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.scalecommerce.users.Api;
import com.scalecommerce.users.UsersTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every forged, stale or misused token gets 401 problem+json; only the genuine article gets in. */
@QuarkusTest
@QuarkusTestResource(UsersTestEnvironment.class)
class AccessTokenAttackTest {

    @Inject
    KeyRing ring;

    private String genuine;
    private JWTClaimsSet genuineClaims;
    private String refreshToken;

    @BeforeEach
    void signUp() throws Exception {
        Api.useFreshClientAddress();
        Map<String, Object> tokens = signedUp(newEmail());
        genuine = (String) tokens.get("access_token");
        refreshToken = (String) tokens.get("refresh_token");
        genuineClaims = SignedJWT.parse(genuine).getJWTClaimsSet();
    }

    @Test
    void acceptsATokenSignedWithTheRealKeyAndTheRealClaims() throws Exception {
        // The control: forged tokens below differ from this one only in what they attack.
        me(genuine).then().statusCode(200);
        me(signedWithRealKey(genuineClaims, "at+jwt")).then().statusCode(200);
    }

    @Test
    void rejectsAlgNone() {
        String header = base64Json("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\""
                + ring.signingKey().kid() + "\"}");
        String payload = genuine.split("\\.")[1];
        assertRejected(header + "." + payload + ".");
        assertRejected(header + "." + payload + "." + genuine.split("\\.")[2]);
    }

    @Test
    void rejectsHs256SignedWithThePublicKeyAsHmacSecret() throws Exception {
        byte[] der = ring.signingKey().publicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
        assertRejected(sign(genuineClaims, JWSAlgorithm.HS256, new MACSigner(pem.getBytes(StandardCharsets.UTF_8))));
        assertRejected(sign(genuineClaims, JWSAlgorithm.HS256, new MACSigner(der)));
    }

    @Test
    void rejectsATokenSignedByAForeignKeyWithOrWithoutAnExistingKid() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey foreign = generator.generateKeyPair().getPrivate();

        assertRejected(signRs256(genuineClaims, foreign, ring.signingKey().kid(), "at+jwt"));
        assertRejected(signRs256(genuineClaims, foreign, "attacker-key", "at+jwt"));
        assertRejected(signRs256(genuineClaims, foreign, null, "at+jwt"));
    }

    @Test
    void rejectsAnExpiredToken() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        assertRejected(signedWithRealKey(
                with(c -> c.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(900)))), "at+jwt"));
    }

    @Test
    void rejectsAWrongIssuer() throws Exception {
        assertRejected(signedWithRealKey(with(c -> c.issuer("https://evil.example")), "at+jwt"));
    }

    @Test
    void rejectsAWrongAudience() throws Exception {
        assertRejected(signedWithRealKey(with(c -> c.audience("some-other-api")), "at+jwt"));
    }

    @Test
    void rejectsATokenOfAnotherType() throws Exception {
        assertRejected(signedWithRealKey(genuineClaims, "JWT"));
        assertRejected(signedWithRealKey(genuineClaims, null));
    }

    @Test
    void rejectsARefreshTokenUsedAsAnAccessToken() {
        assertRejected(refreshToken);
    }

    @Test
    void rejectsATokenWithOneTamperedByteInHeaderPayloadOrSignature() {
        for (int part = 0; part < 3; part++) {
            assertRejected(tamper(genuine, part));
        }
    }

    @Test
    void rejectsRequestsWithoutOrWithAGarbledToken() {
        given().get("/api/users/me").then().statusCode(401).contentType("application/problem+json");
        assertRejected("not-a-jwt");
        assertRejected("a.b.c");
    }

    private static void assertRejected(String token) {
        me(token).then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    private JWTClaimsSet with(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder(genuineClaims)).build();
    }

    private String signedWithRealKey(JWTClaimsSet claims, String typ) throws Exception {
        KeyRing.RingKey key = ring.signingKey();
        return signRs256(claims, key.privateKey(), key.kid(), typ);
    }

    private static String signRs256(JWTClaimsSet claims, PrivateKey key, String kid, String typ) throws Exception {
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid);
        if (typ != null) {
            header.type(new JOSEObjectType(typ));
        }
        var jwt = new SignedJWT(header.build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private String sign(JWTClaimsSet claims, JWSAlgorithm algorithm, JWSSigner signer) throws Exception {
        var header = new JWSHeader.Builder(algorithm)
                .keyID(ring.signingKey().kid())
                .type(new JOSEObjectType("at+jwt"))
                .build();
        var jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** Changes one character in the middle of a part to another valid base64url character. */
    private static String tamper(String jwt, int part) {
        String[] parts = jwt.split("\\.");
        char[] chars = parts[part].toCharArray();
        int i = chars.length / 2;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        parts[part] = new String(chars);
        return String.join(".", parts);
    }

    private static String base64Json(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
