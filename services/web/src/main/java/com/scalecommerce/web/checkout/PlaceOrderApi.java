package com.scalecommerce.web.checkout;

import com.scalecommerce.web.checkout.CheckoutModels.CheckoutResult;
import com.scalecommerce.web.checkout.CheckoutModels.PlaceOrder;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Orders' {@code POST /api/checkout}, on a client of its own ({@code orders-checkout}, same URL as orders) because it
 * needs a far longer read timeout than the cart's reads: orders holds stock at products and charges the card within
 * this one call, and a repeat of the key waits for the first request for up to 10 s.
 */
@RegisterRestClient(configKey = "orders-checkout")
@Path("/api/checkout")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface PlaceOrderApi {

    @POST
    RestResponse<CheckoutResult> place(
            @HeaderParam(CheckoutApi.AUTHORIZATION) String bearer,
            @HeaderParam(CheckoutApi.CART_TOKEN) String token,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            PlaceOrder order);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return CheckoutRefused.fromAnswer(response, "The order could not be placed. Please try again.");
    }
}
