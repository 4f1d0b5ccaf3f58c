package com.scalecommerce.web.admin.orders;

import com.scalecommerce.web.admin.orders.AdminOrderModels.Cancel;
import com.scalecommerce.web.admin.orders.AdminOrderModels.Note;
import com.scalecommerce.web.admin.orders.AdminOrderModels.Order;
import com.scalecommerce.web.admin.orders.AdminOrderModels.OrderPage;
import com.scalecommerce.web.admin.orders.AdminOrderModels.Refund;
import com.scalecommerce.web.admin.orders.AdminOrderModels.Ship;
import com.scalecommerce.web.http.Refused;
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

/** Orders' admin API (ADMIN token): the list with filters, one order with its timeline, and the moves. */
@RegisterRestClient(configKey = "orders")
@Path("/api/admin/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface AdminOrdersApi {

    String AUTHORIZATION = "Authorization";

    /** {@code from}/{@code to}: dates, {@code to} exclusive; {@code customer}: a user id or an email. */
    @GET
    OrderPage list(
            @HeaderParam(AUTHORIZATION) String bearer,
            @QueryParam("status") String status,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("customer") String customer,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/{id}")
    Order get(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/{id}/fulfil")
    Order fulfil(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/{id}/ship")
    Order ship(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id, Ship ship);

    @POST
    @Path("/{id}/deliver")
    Order deliver(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/{id}/cancel")
    Order cancel(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id, Cancel cancel);

    @POST
    @Path("/{id}/refund")
    Order refund(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id, Refund refund);

    @POST
    @Path("/{id}/notes")
    Order note(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id, Note note);

    /** A 4xx (an illegal move's 409, a bad filter, no such order) is orders' answer; 5xx stay failures. */
    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return Refused.from(response, "Orders refused that request.");
    }
}
