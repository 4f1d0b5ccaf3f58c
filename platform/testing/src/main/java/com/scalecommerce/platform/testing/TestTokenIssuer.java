package com.scalecommerce.platform.testing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Stands in for the users service as a token issuer in other services' tests: an RSA key pair generated per
 * run, its JWKS served over real HTTP on a free port, and tokens shaped like the users service's (RS256,
 * kid, typ at+jwt, iss, aud "scalecommerce", sub, roles, sid, jti, 15 minutes). The service under test
 * verifies them with its production configuration, pointed at this JWKS.
 *
 * <p>Use with {@code @QuarkusTestResource(TestTokenIssuer.class)}.
 */
public class TestTokenIssuer implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "http://users.test";
    public static final String AUDIENCE = "scalecommerce";

    private static RsaJsonWebKey signingKey;
    private static HttpServer jwksServer;

    @Override
    public Map<String, String> start() {
        try {
            signingKey = RsaJwkGenerator.generateJwk(2048);
            signingKey.setKeyId(UUID.randomUUID().toString());
            signingKey.setUse("sig");
            signingKey.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            String jwks = new JsonWebKeySet(signingKey).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            jwksServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            jwksServer.createContext("/.well-known/jwks.json", exchange -> {
                byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            jwksServer.start();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String jwksUrl = "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/.well-known/jwks.json";
        return Map.of("mp.jwt.verify.publickey.location", jwksUrl, "mp.jwt.verify.issuer", ISSUER);
    }

    @Override
    public void stop() {
        if (jwksServer != null) {
            jwksServer.stop(0);
        }
    }

    /** A signed-in customer's access token. */
    public static String customer(UUID userId) {
        return person(userId, List.of("CUSTOMER"));
    }

    /** A signed-in administrator's access token. */
    public static String admin(UUID userId) {
        return person(userId, List.of("ADMIN"));
    }

    public static String person(UUID userId, List<String> roles) {
        JwtClaims claims = baseClaims(userId.toString());
        claims.setStringListClaim("roles", roles);
        claims.setClaim("sid", UUID.randomUUID().toString());
        claims.setClaim("email", "user-" + userId + "@example.test");
        claims.setClaim("email_verified", true);
        return sign(claims);
    }

    /** A client_credentials token of an internal caller, such as orders with scope "inventory". */
    public static String service(String clientId, String... scopes) {
        JwtClaims claims = baseClaims(clientId);
        claims.setStringListClaim("roles", List.of("SERVICE"));
        claims.setClaim("scope", String.join(" ", Arrays.asList(scopes)));
        return sign(claims);
    }

    private static JwtClaims baseClaims(String subject) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setGeneratedJwtId();
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(15);
        return claims;
    }

    private static String sign(JwtClaims claims) {
        if (signingKey == null) {
            throw new IllegalStateException(
                    "TestTokenIssuer is not started: add @QuarkusTestResource(TestTokenIssuer.class)");
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey.getPrivateKey());
        jws.setKeyIdHeaderValue(signingKey.getKeyId());
        jws.setHeader("typ", "at+jwt");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
