package com.scalecommerce.web.checkout;

import com.scalecommerce.web.checkout.CheckoutModels.Cart;
import com.scalecommerce.web.checkout.CheckoutModels.Challenge;
import com.scalecommerce.web.checkout.CheckoutModels.ChallengeOutcome;
import com.scalecommerce.web.checkout.CheckoutModels.Order;
import com.scalecommerce.web.checkout.CheckoutModels.Quote;
import com.scalecommerce.web.checkout.CheckoutModels.QuoteRequest;
import com.scalecommerce.web.checkout.CheckoutModels.ShippingOptions;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Orders' checkout API as the storefront uses it. The shopper is named as for the cart: a customer by the bearer
 * token, a guest by {@code X-Cart-Token}. Placing the order is {@link PlaceOrderApi}: it may take far longer.
 */
@RegisterRestClient(configKey = "orders")
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface CheckoutApi {

    String AUTHORIZATION = "Authorization";
    String CART_TOKEN = "X-Cart-Token";

    @GET
    @Path("/cart")
    Cart cart(@HeaderParam(AUTHORIZATION) String bearer, @HeaderParam(CART_TOKEN) String token);

    @GET
    @Path("/checkout/shipping-options")
    ShippingOptions shippingOptions(
            @QueryParam("country") String country,
            @QueryParam("region") String region,
            @QueryParam("currency") String currency,
            @QueryParam("subtotalMinor") long subtotalMinor,
            @QueryParam("weightGrams") long weightGrams);

    @POST
    @Path("/checkout/quote")
    Quote quote(QuoteRequest request);

    /** A customer's own order (guests cannot read orders back). */
    @GET
    @Path("/orders/{id}")
    Order order(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    /** The sandbox gateway's 3-D Secure challenge; the intent's client secret is the credential. */
    @POST
    @Path("/payments/sandbox/intents/{id}/authenticate")
    ChallengeOutcome authenticate(@PathParam("id") String intentId, Challenge challenge);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return CheckoutRefused.fromAnswer(response, "The order could not be placed. Please try again.");
    }
}
