package com.scalecommerce.web.cart;

import com.scalecommerce.web.cart.CartModels.AddItem;
import com.scalecommerce.web.cart.CartModels.CartView;
import com.scalecommerce.web.cart.CartModels.Code;
import com.scalecommerce.web.cart.CartModels.Quantity;
import com.scalecommerce.web.cart.CartModels.Where;
import com.scalecommerce.web.http.Refused;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Orders' cart API. A guest's cart is named by the {@code X-Cart-Token} header (null: none yet; orders creates the
 * cart on the first add and answers the new token in the same header); a signed-in customer's by the bearer token
 * (then the cart token is null). A read answers the cart view; a change is sent with {@code Prefer: return=minimal}
 * and answers 204 (the new token, if any, in the header): the storefront redirects to its cart page after a change,
 * which reads the cart anyway, so orders need not price it twice.
 */
@RegisterRestClient(configKey = "orders")
@Path("/api/cart")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface OrdersApi {

    String CART_TOKEN = "X-Cart-Token";
    String AUTHORIZATION = "Authorization";

    @GET
    RestResponse<CartView> cart(@HeaderParam(AUTHORIZATION) String bearer, @HeaderParam(CART_TOKEN) String token);

    @POST
    @Path("/items")
    @ClientHeaderParam(name = "Prefer", value = "return=minimal")
    Uni<RestResponse<CartView>> add(
            @HeaderParam(AUTHORIZATION) String bearer, @HeaderParam(CART_TOKEN) String token, AddItem item);

    @PATCH
    @Path("/items/{sku}")
    @ClientHeaderParam(name = "Prefer", value = "return=minimal")
    Uni<RestResponse<CartView>> quantity(
            @HeaderParam(AUTHORIZATION) String bearer,
            @HeaderParam(CART_TOKEN) String token,
            @PathParam("sku") String sku,
            Quantity quantity);

    @DELETE
    @Path("/items/{sku}")
    @ClientHeaderParam(name = "Prefer", value = "return=minimal")
    Uni<RestResponse<CartView>> remove(
            @HeaderParam(AUTHORIZATION) String bearer,
            @HeaderParam(CART_TOKEN) String token,
            @PathParam("sku") String sku);

    @PUT
    @Path("/discount-code")
    @ClientHeaderParam(name = "Prefer", value = "return=minimal")
    Uni<RestResponse<CartView>> applyCode(
            @HeaderParam(AUTHORIZATION) String bearer, @HeaderParam(CART_TOKEN) String token, Code code);

    @DELETE
    @Path("/discount-code")
    @ClientHeaderParam(name = "Prefer", value = "return=minimal")
    Uni<RestResponse<CartView>> removeCode(
            @HeaderParam(AUTHORIZATION) String bearer, @HeaderParam(CART_TOKEN) String token);

    /** On sign-in: the guest cart (token) joins the customer's (bearer) and is deleted at orders. */
    @POST
    @Path("/merge")
    @ClientHeaderParam(name = "Prefer", value = "return=minimal")
    Uni<RestResponse<CartView>> merge(@HeaderParam(AUTHORIZATION) String bearer, @HeaderParam(CART_TOKEN) String token);

    @PUT
    @Path("/destination")
    @ClientHeaderParam(name = "Prefer", value = "return=minimal")
    Uni<RestResponse<CartView>> destination(
            @HeaderParam(AUTHORIZATION) String bearer, @HeaderParam(CART_TOKEN) String token, Where where);

    /** A 4xx is orders' answer about the request (problem+json); 5xx stay the default exception. */
    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return Refused.from(response, "That change to the cart did not work. Please try again.");
    }
}
