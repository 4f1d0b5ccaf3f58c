package com.scalecommerce.users.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalecommerce.users.deletion.AccountDeletion;
import com.scalecommerce.users.deletion.DeletionRequest;
import com.scalecommerce.users.throttle.ClientAddress;
import com.scalecommerce.users.token.Sessions;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/users/me")
@RolesAllowed({"CUSTOMER", "ADMIN"})
@RunOnVirtualThread
public class ProfileResource {

    private final Profiles profiles;
    private final AccountDeletion deletion;
    private final Sessions sessions;
    private final JsonWebToken caller;

    ProfileResource(Profiles profiles, AccountDeletion deletion, Sessions sessions, JsonWebToken caller) {
        this.profiles = profiles;
        this.deletion = deletion;
        this.sessions = sessions;
        this.caller = caller;
    }

    @GET
    public Profile get() {
        UUID session = sessions.sessionOf(caller);
        return profiles.ofSession(UUID.fromString(caller.getSubject()), session);
    }

    @PATCH
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    public Profile update(JsonNode patch) {
        return profiles.update(me(), ProfileChanges.from(patch));
    }

    /** Erases the account's personal data and ends every session; needs the current password. */
    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    public Response delete(@Valid @NotNull DeletionRequest request, @Context HttpServerRequest http) {
        deletion.delete(sessions.current(caller), request.currentPassword(), ClientAddress.of(http));
        return Response.noContent().build();
    }

    // Checked against what users knows now: a logged-out session or a disabled account is refused at once.
    private UUID me() {
        return sessions.current(caller).account().id();
    }
}
