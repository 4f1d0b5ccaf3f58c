package com.scalecommerce.web.orderhistory;

import com.scalecommerce.web.http.Refused;
import com.scalecommerce.web.orderhistory.OrderModels.Order;
import com.scalecommerce.web.orderhistory.OrderModels.OrderPage;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
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
 * Orders' API for a customer's own orders, with the customer's bearer token: the list (newest first, cursor
 * paging, items without lines), one order with its lines (anyone else's is a 404), and the cancel before
 * fulfilment (409 ILLEGAL_TRANSITION once it is too late).
 */
@RegisterRestClient(configKey = "orders")
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
interface CustomerOrdersApi {

    String AUTHORIZATION = "Authorization";

    @GET
    OrderPage list(
            @HeaderParam(AUTHORIZATION) String bearer,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/{id}")
    Order get(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/{id}/cancel")
    Order cancel(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return Refused.from(response, "That did not work. Please try again.");
    }
}
