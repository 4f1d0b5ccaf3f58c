package com.scalecommerce.orders.payment;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Public by design: gateways carry no token, the signature is the authentication. The body is taken as raw
 * bytes because the signature covers them exactly as sent.
 */
@Path("/api/payments/webhooks")
@RunOnVirtualThread
public class PaymentWebhookResource {

    private final PaymentWebhooks webhooks;

    PaymentWebhookResource(PaymentWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Path("/{gateway}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> receive(
            @PathParam("gateway") String gateway, @HeaderParam("Stripe-Signature") String signature, byte[] body) {
        var receipt = webhooks.receive(gateway, new String(body, StandardCharsets.UTF_8), signature);
        return Map.of("received", true, "duplicate", receipt == PaymentWebhooks.Receipt.DUPLICATE);
    }
}
