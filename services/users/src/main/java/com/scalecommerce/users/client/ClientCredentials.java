package com.scalecommerce.users.client;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.users.UsersConfig;
import com.scalecommerce.users.token.AccessTokens;
import com.scalecommerce.users.token.TokenResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** OAuth2 client_credentials for service-to-service calls; clients and their scopes come from config. */
@ApplicationScoped
public class ClientCredentials {

    public static final String GRANT_TYPE = "client_credentials";

    // Compared against when the client id is unknown, so unknown and known ids cost the same.
    private static final byte[] NO_SECRET = sha256("no client has this secret");

    private final Map<String, UsersConfig.Client> clients;
    private final AccessTokens accessTokens;

    ClientCredentials(UsersConfig config, AccessTokens accessTokens) {
        this.clients = config.clients();
        this.accessTokens = accessTokens;
    }

    public TokenResponse issue(String clientId, String clientSecret, String requestedScope) {
        UsersConfig.Client client = authenticate(clientId, clientSecret);
        Set<String> granted = grantedScopes(client.scopes(), requestedScope);
        var issued = accessTokens.forClient(clientId, granted);
        return TokenResponse.of(issued, null, String.join(" ", granted));
    }

    private UsersConfig.Client authenticate(String clientId, String clientSecret) {
        UsersConfig.Client client = clientId == null ? null : clients.get(clientId);
        // Hashing first makes the comparison constant-time regardless of the secrets' lengths.
        byte[] expected = client == null ? NO_SECRET : sha256(client.secret());
        byte[] presented = sha256(clientSecret == null ? "" : clientSecret);
        boolean matches = MessageDigest.isEqual(expected, presented);
        if (client == null || clientSecret == null || !matches) {
            throw new ProblemException(
                    401,
                    "INVALID_CLIENT",
                    "Unauthorized",
                    "Client authentication failed.",
                    List.of(),
                    Map.of("WWW-Authenticate", "Basic realm=\"scalecommerce\""));
        }
        return client;
    }

    /** No scope asked for means every allowed scope; anything not allowed fails the whole request. */
    private static Set<String> grantedScopes(Set<String> allowed, String requested) {
        if (requested == null || requested.isBlank()) {
            return new TreeSet<>(allowed);
        }
        Set<String> asked = new TreeSet<>(Arrays.asList(requested.strip().split("\\s+")));
        if (!allowed.containsAll(asked)) {
            throw ProblemException.badRequest("INVALID_SCOPE", "The requested scope is not allowed for this client.");
        }
        return asked;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
