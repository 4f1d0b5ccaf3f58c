package com.scalecommerce.users.token;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/admin/signing-keys")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class SigningKeyAdminResource {

    private final SigningKeys signingKeys;
    private final Sessions sessions;
    private final JsonWebToken jwt;

    SigningKeyAdminResource(SigningKeys signingKeys, Sessions sessions, JsonWebToken jwt) {
        this.signingKeys = signingKeys;
        this.sessions = sessions;
        this.jwt = jwt;
    }

    /** Publishes a new key now; it signs once the publish lead has passed. */
    @POST
    @Path("/rotate")
    @RolesAllowed("ADMIN")
    public Map<String, String> rotate() {
        sessions.current(jwt);
        return Map.of("kid", signingKeys.rotate());
    }
}
