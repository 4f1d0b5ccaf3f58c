package com.scalecommerce.platform.web.security;

import com.scalecommerce.platform.web.problem.ProblemException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * OAuth2 scopes of a client_credentials token (the space-separated {@code scope} claim). Service-only
 * endpoints combine {@code @RolesAllowed("SERVICE")} with {@link #require}.
 */
public final class Scopes {

    private Scopes() {}

    public static Set<String> of(JsonWebToken token) {
        Object claim = token == null ? null : token.getClaim("scope");
        if (claim == null) {
            return Set.of();
        }
        return Arrays.stream(claim.toString().split(" "))
                .filter(s -> !s.isBlank())
                .collect(Collectors.toUnmodifiableSet());
    }

    public static void require(JsonWebToken token, String scope) {
        if (!of(token).contains(scope)) {
            throw ProblemException.forbidden("This call needs the '" + scope + "' scope.");
        }
    }
}
