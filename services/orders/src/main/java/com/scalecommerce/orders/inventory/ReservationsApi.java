package com.scalecommerce.orders.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The products service's stock reservations for service callers (role SERVICE, scope inventory). */
@RegisterRestClient(configKey = "inventory")
@Path("/api/inventory/reservations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ReservationsApi {

    record Line(String sku, int quantity) {}

    record PlaceRequest(String reservationId, List<Line> lines, Integer ttlSeconds, String reference) {}

    /** Only what orders reads; products sends more (lines, times), which must not break this client. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReservationDto(String reservationId, String status) {}

    @POST
    ReservationDto place(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, PlaceRequest request);

    @POST
    @Path("/{id}/commit")
    ReservationDto commit(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String id);

    @DELETE
    @Path("/{id}")
    ReservationDto release(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String id);

    @POST
    @Path("/{id}/restock")
    ReservationDto restock(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String id);
}
