package com.scalecommerce.users.recovery;

import com.scalecommerce.users.throttle.ClientAddress;
import com.scalecommerce.users.token.Sessions;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/users/me/password")
@RunOnVirtualThread
public class PasswordChangeResource {

    public record ChangePasswordRequest(
            @NotNull @Size(max = 1024) String currentPassword,

            @NotNull String newPassword) {}

    private final PasswordChange change;
    private final Sessions sessions;
    private final JsonWebToken jwt;

    PasswordChangeResource(PasswordChange change, Sessions sessions, JsonWebToken jwt) {
        this.change = change;
        this.sessions = sessions;
        this.jwt = jwt;
    }

    @PUT
    @Authenticated
    public Response change(@NotNull @Valid ChangePasswordRequest request, @Context HttpServerRequest http) {
        change.change(sessions.current(jwt), request.currentPassword(), request.newPassword(), ClientAddress.of(http));
        return Response.noContent().build();
    }
}
