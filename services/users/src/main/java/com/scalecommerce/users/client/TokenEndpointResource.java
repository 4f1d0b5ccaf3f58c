package com.scalecommerce.users.client;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.users.token.TokenResponse;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The OAuth2 token endpoint (RFC 6749 section 4.4), for client_credentials only. */
@Path("/api/auth/token")
@RunOnVirtualThread
public class TokenEndpointResource {

    private final ClientCredentials clientCredentials;

    TokenEndpointResource(ClientCredentials clientCredentials) {
        this.clientCredentials = clientCredentials;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(
            @FormParam("grant_type") String grantType,
            @FormParam("scope") String scope,
            @FormParam("client_id") String formClientId,
            @FormParam("client_secret") String formClientSecret,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (grantType == null || grantType.isBlank()) {
            throw ProblemException.badRequest("INVALID_REQUEST", "grant_type is required.");
        }
        if (!ClientCredentials.GRANT_TYPE.equals(grantType)) {
            throw ProblemException.badRequest(
                    "UNSUPPORTED_GRANT_TYPE",
                    "Only client_credentials is supported here; people sign in at /api/auth/login.");
        }
        String[] basic = basicCredentials(authorization);
        if (basic != null && formClientId != null) {
            throw ProblemException.badRequest("INVALID_REQUEST", "Use one client authentication method, not two.");
        }
        String clientId = basic != null ? basic[0] : formClientId;
        String clientSecret = basic != null ? basic[1] : formClientSecret;
        TokenResponse body = clientCredentials.issue(clientId, clientSecret, scope);
        var noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(body)
                .cacheControl(noStore)
                .header("Pragma", "no-cache")
                .build();
    }

    /** RFC 6749 section 2.3.1: id and secret are form-urlencoded before they are joined with ':'. */
    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw invalidClientHeader();
            }
            return new String[] {
                URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
            };
        } catch (IllegalArgumentException e) {
            throw invalidClientHeader();
        }
    }

    private static ProblemException invalidClientHeader() {
        return new ProblemException(
                401,
                "INVALID_CLIENT",
                "Unauthorized",
                "The Authorization header is not valid Basic client authentication.",
                java.util.List.of(),
                java.util.Map.of("WWW-Authenticate", "Basic realm=\"scalecommerce\""));
    }
}
