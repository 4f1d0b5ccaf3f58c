package com.scalecommerce.users.token;

import com.scalecommerce.users.UsersConfig;
import com.scalecommerce.users.account.Account;
import com.scalecommerce.users.account.Role;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Signs RS256 access tokens ({@code typ: at+jwt}) with the current key of the ring. */
@ApplicationScoped
public class AccessTokens {

    private static final Duration MAX_LIFETIME = Duration.ofMinutes(15);

    public record Issued(String token, String jti, Instant expiresAt, long expiresIn) {}

    private final KeyRing ring;
    private final JwtSettings jwt;
    private final Duration lifetime;

    AccessTokens(KeyRing ring, JwtSettings jwt, UsersConfig config) {
        this.ring = ring;
        this.jwt = jwt;
        Duration configured = config.tokens().accessTokenLifetime();
        if (configured.compareTo(MAX_LIFETIME) > 0 || configured.isNegative() || configured.isZero()) {
            throw new IllegalStateException(
                    "scalecommerce.users.tokens.access-token-lifetime must be between 1s and 15 minutes");
        }
        this.lifetime = configured;
    }

    /** For a person; {@code sessionId} is the refresh-token family, so ending the session ends this token in users. */
    public Issued forAccount(Account account, UUID sessionId) {
        JwtClaims claims = baseClaims(account.id().toString());
        claims.setStringListClaim("roles", names(account.roles()));
        claims.setClaim("email", account.email());
        claims.setClaim("email_verified", account.emailVerified());
        claims.setClaim("sid", sessionId.toString());
        return sign(claims);
    }

    /** For another service (client_credentials). */
    public Issued forClient(String clientId, Collection<String> scopes) {
        JwtClaims claims = baseClaims(clientId);
        claims.setStringListClaim("roles", List.of(Role.SERVICE.name()));
        claims.setClaim("client_id", clientId);
        claims.setClaim("scope", String.join(" ", scopes));
        return sign(claims);
    }

    private JwtClaims baseClaims(String subject) {
        Instant now = Instant.now();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(jwt.issuer());
        claims.setAudience(JwtSettings.AUDIENCE);
        claims.setSubject(subject);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        return claims;
    }

    private Issued sign(JwtClaims claims) {
        KeyRing.RingKey key = ring.signingKey();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(key.kid());
        jws.setHeader("typ", JwtSettings.ACCESS_TOKEN_TYPE);
        jws.setKey(key.privateKey());
        try {
            Instant expiresAt = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
            return new Issued(jws.getCompactSerialization(), claims.getJwtId(), expiresAt, lifetime.toSeconds());
        } catch (JoseException | org.jose4j.jwt.MalformedClaimException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
    }

    private static List<String> names(Collection<Role> roles) {
        return roles.stream().map(Enum::name).sorted().toList();
    }
}
