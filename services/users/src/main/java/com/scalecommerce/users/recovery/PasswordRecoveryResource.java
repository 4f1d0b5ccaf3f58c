package com.scalecommerce.users.recovery;

import com.scalecommerce.users.throttle.ClientAddress;
import com.scalecommerce.users.throttle.MailThrottle;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

@Path("/api/auth/password")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class PasswordRecoveryResource {

    public record ForgotPasswordRequest(
            @NotBlank @Size(max = 320) String email) {}

    public record ResetPasswordRequest(
            @NotBlank @Size(max = 200) String token,
            @NotNull String password) {}

    private static final Map<String, String> RESET_REQUESTED = Map.of(
            "status", "RESET_REQUESTED",
            "message", "If an account exists for this address, we sent a mail with a link to reset its password.");

    private final PasswordRecovery recovery;
    private final MailThrottle mailThrottle;

    PasswordRecoveryResource(PasswordRecovery recovery, MailThrottle mailThrottle) {
        this.recovery = recovery;
        this.mailThrottle = mailThrottle;
    }

    @POST
    @Path("/forgot")
    public Response forgot(@NotNull @Valid ForgotPasswordRequest request, @Context HttpServerRequest http) {
        mailThrottle.checkClient(ClientAddress.of(http));
        recovery.requestReset(request.email());
        return Response.accepted(RESET_REQUESTED).build();
    }

    @POST
    @Path("/reset")
    public Response reset(@NotNull @Valid ResetPasswordRequest request) {
        recovery.reset(request.token(), request.password());
        return Response.noContent().build();
    }
}
