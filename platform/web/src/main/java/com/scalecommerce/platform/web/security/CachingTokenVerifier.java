package com.scalecommerce.platform.web.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * The services' access-token verification (smallrye-jwt's own, against users' JWKS) behind {@link VerifiedTokens}.
 * users, which verifies against its in-memory key ring instead, replaces this with an alternative of higher priority.
 *
 * <p>Kept tokens are keyed by the token alone, not by the verification settings: every caller here verifies with
 * the service's configured settings (the request's bearer token). Code that verifies a token against some other
 * key through {@code JWTParser.verify} would get the kept answer and must not use this factory; none does.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class CachingTokenVerifier extends JWTCallerPrincipalFactory {

    private final JWTCallerPrincipalFactory verification = new DefaultJWTCallerPrincipalFactory();
    private final VerifiedTokens verified = VerifiedTokens.forServices();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        return verified.get(token, t -> verification.parse(t, authContextInfo));
    }
}
