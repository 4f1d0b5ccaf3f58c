package com.scalecommerce.orders.pricing.shipping;

import com.scalecommerce.platform.web.paging.CreatedCursor;
import com.scalecommerce.platform.web.paging.Page;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

@Path("/api/admin/shipping/zones")
@RolesAllowed("ADMIN")
@RunOnVirtualThread
public class AdminShippingResource {

    private final ShippingZoneStore zones;

    AdminShippingResource(ShippingZoneStore zones) {
        this.zones = zones;
    }

    @GET
    public Page<ShippingZone> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return zones.list(CreatedCursor.decode(cursor), Page.size(limit, 50, 200));
    }

    @POST
    public Response create(ZoneInput input) {
        ShippingZone zone = zones.create(required(input).normalized());
        return Response.created(URI.create("/api/admin/shipping/zones/" + zone.id()))
                .entity(zone)
                .build();
    }

    @GET
    @Path("/{id}")
    public ShippingZone get(@PathParam("id") UUID id) {
        return zones.get(id);
    }

    @PUT
    @Path("/{id}")
    public ShippingZone replace(@PathParam("id") UUID id, ZoneInput input) {
        return zones.replace(id, required(input).normalized());
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        zones.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/methods")
    public Response addMethod(@PathParam("id") UUID zoneId, MethodInput input) {
        ShippingMethod method = zones.addMethod(zoneId, required(input).normalized());
        return Response.created(URI.create("/api/admin/shipping/zones/" + zoneId + "/methods/" + method.id()))
                .entity(method)
                .build();
    }

    @PUT
    @Path("/{id}/methods/{methodId}")
    public ShippingMethod replaceMethod(
            @PathParam("id") UUID zoneId, @PathParam("methodId") UUID methodId, MethodInput input) {
        return zones.replaceMethod(zoneId, methodId, required(input).normalized());
    }

    @DELETE
    @Path("/{id}/methods/{methodId}")
    public Response deleteMethod(@PathParam("id") UUID zoneId, @PathParam("methodId") UUID methodId) {
        zones.deleteMethod(zoneId, methodId);
        return Response.noContent().build();
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw ProblemException.badRequest("BODY_REQUIRED", "A JSON body is required.");
        }
        return body;
    }
}
