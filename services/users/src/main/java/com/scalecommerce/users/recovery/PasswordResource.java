package com.scalecommerce.users.recovery;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.scalecommerce.users.throttle.ClientAddress;
import com.scalecommerce.users.token.Sessions;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class PasswordResource {

    public record ForgotPasswordRequest(
            @NotBlank @Size(max = 320) String email) {}

    public record ResetPasswordRequest(
            @NotBlank @Size(max = 200) String token,
            @NotNull String password) {}

    public record ChangePasswordRequest(
            @JsonProperty("current_password") @NotNull @Size(max = 1024)
            String currentPassword,

            @JsonProperty("new_password") @NotNull String newPassword) {}

    private static final Map<String, String> RESET_REQUESTED = Map.of(
            "status", "RESET_REQUESTED",
            "message", "If an account exists for this address, we sent a mail with a link to reset its password.");

    private final PasswordRecovery recovery;
    private final PasswordChange change;
    private final Sessions sessions;
    private final JsonWebToken jwt;

    PasswordResource(PasswordRecovery recovery, PasswordChange change, Sessions sessions, JsonWebToken jwt) {
        this.recovery = recovery;
        this.change = change;
        this.sessions = sessions;
        this.jwt = jwt;
    }

    @POST
    @Path("/auth/password/forgot")
    public Response forgot(@NotNull @Valid ForgotPasswordRequest request) {
        recovery.requestReset(request.email());
        return Response.accepted(RESET_REQUESTED).build();
    }

    @POST
    @Path("/auth/password/reset")
    public Response reset(@NotNull @Valid ResetPasswordRequest request) {
        recovery.reset(request.token(), request.password());
        return Response.noContent().build();
    }

    @PUT
    @Path("/users/me/password")
    @Authenticated
    public Response change(@NotNull @Valid ChangePasswordRequest request, @Context HttpServerRequest http) {
        change.change(sessions.current(jwt), request.currentPassword(), request.newPassword(), ClientAddress.of(http));
        return Response.noContent().build();
    }
}
