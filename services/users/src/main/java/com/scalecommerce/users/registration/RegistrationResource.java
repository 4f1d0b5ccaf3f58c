package com.scalecommerce.users.registration;

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

@Path("/api/auth/register")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class RegistrationResource {

    public record RegisterRequest(
            @NotBlank @Size(max = 320) String email,
            @NotNull String password,
            @Size(max = 100) String name) {}

    /** The same words whether the address was new or not. */
    static final Map<String, String> ACCEPTED = Map.of(
            "status", "PENDING_VERIFICATION",
            "message", "Check your inbox: we sent a mail to finish setting up your account.");

    private final Registration registration;
    private final MailThrottle mailThrottle;

    RegistrationResource(Registration registration, MailThrottle mailThrottle) {
        this.registration = registration;
        this.mailThrottle = mailThrottle;
    }

    @POST
    public Response register(@NotNull @Valid RegisterRequest request, @Context HttpServerRequest http) {
        mailThrottle.checkClient(ClientAddress.of(http));
        registration.register(request.email(), request.password(), request.name());
        return Response.accepted(ACCEPTED).build();
    }
}
