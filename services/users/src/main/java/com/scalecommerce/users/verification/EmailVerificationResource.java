package com.scalecommerce.users.verification;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

@Path("/api/auth/email/verify")
@RunOnVirtualThread
public class EmailVerificationResource {

    public record VerifyEmailRequest(
            @NotBlank @Size(max = 200) String token) {}

    private final EmailVerifications verifications;

    EmailVerificationResource(EmailVerifications verifications) {
        this.verifications = verifications;
    }

    @POST
    public Response verify(@jakarta.validation.constraints.NotNull @Valid VerifyEmailRequest request) {
        verifications.verify(request.token());
        return Response.noContent().build();
    }
}
