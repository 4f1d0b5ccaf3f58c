package com.scalecommerce.orders.payment;

import com.scalecommerce.platform.web.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The sandbox's 3-D Secure challenge, where the storefront sends the shopper for {@code requires_action}.
 * Public like Stripe.js's confirmation: the intent's client secret is the credential.
 */
@Path("/api/payments/sandbox/intents/{id}/authenticate")
@RunOnVirtualThread
public class SandboxAuthenticationResource {

    public record Challenge(
            @NotBlank String clientSecret, @NotNull Boolean approve) {}

    public record Outcome(String id, String status) {}

    private final SandboxGateway sandbox;
    private final PaymentConfig config;

    SandboxAuthenticationResource(SandboxGateway sandbox, PaymentConfig config) {
        this.sandbox = sandbox;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Outcome authenticate(@PathParam("id") String id, @Valid @NotNull Challenge challenge) {
        if (config.gateway() != PaymentConfig.Gateway.SANDBOX) {
            throw ProblemException.notFound("SANDBOX_DISABLED", "The sandbox gateway is not in use.");
        }
        var intent = sandbox.authenticate(id, challenge.clientSecret(), challenge.approve());
        return new Outcome(intent.id(), intent.status());
    }
}
