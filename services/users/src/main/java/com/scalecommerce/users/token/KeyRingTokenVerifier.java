package com.scalecommerce.users.token;

import com.scalecommerce.platform.web.security.VerifiedTokens;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verifies access tokens inside users with the rules every other service applies (RS256 only, kid lookup,
 * iss, aud, exp, typ at+jwt) but against the in-memory key ring: users must not call its own JWKS over
 * HTTP, least of all while starting.
 */
@ApplicationScoped
@Alternative
@Priority(2) // over the platform's CachingTokenVerifier, which checks against the JWKS over HTTP
public class KeyRingTokenVerifier extends JWTCallerPrincipalFactory {

    private final JwtConsumer consumer;
    private final VerifiedTokens verified = VerifiedTokens.forServices();

    KeyRingTokenVerifier(KeyRing ring, JwtSettings jwt) {
        this.consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver((jws, nestingContext) -> ring.verificationKey(jws.getKeyIdHeaderValue())
                        .orElseThrow(() -> new UnresolvableKeyException("Unknown or missing kid")))
                .setExpectedType(true, JwtSettings.ACCESS_TOKEN_TYPE)
                .setExpectedIssuer(jwt.issuer())
                .setExpectedAudience(JwtSettings.AUDIENCE)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(30)
                .build();
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        return verified.get(token, this::verify);
    }

    private JWTCallerPrincipal verify(String token) throws ParseException {
        try {
            JwtClaims claims = consumer.processToClaims(token);
            // Quarkus reads roles from "groups"; our tokens name the claim "roles".
            if (claims.hasClaim("roles")) {
                claims.setStringListClaim("groups", claims.getStringListClaimValue("roles"));
            }
            return new DefaultJWTCallerPrincipal(token, "JWT", claims);
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new ParseException("Invalid access token", e);
        }
    }
}
