package com.scalecommerce.orders.pricing.discount;

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

@Path("/api/admin/discounts")
@RolesAllowed("ADMIN")
@RunOnVirtualThread
public class AdminDiscountsResource {

    private final DiscountStore discounts;

    AdminDiscountsResource(DiscountStore discounts) {
        this.discounts = discounts;
    }

    @GET
    public Page<Discount> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return discounts.list(CreatedCursor.decode(cursor), Page.size(limit, 50, 200));
    }

    @POST
    public Response create(DiscountInput input) {
        Discount discount = discounts.create(required(input).normalized());
        return Response.created(URI.create("/api/admin/discounts/" + discount.id()))
                .entity(discount)
                .build();
    }

    @GET
    @Path("/{id}")
    public Discount get(@PathParam("id") UUID id) {
        return discounts.get(id);
    }

    @PUT
    @Path("/{id}")
    public Discount replace(@PathParam("id") UUID id, DiscountInput input) {
        return discounts.replace(id, required(input).normalized());
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        discounts.delete(id);
        return Response.noContent().build();
    }

    private static DiscountInput required(DiscountInput body) {
        if (body == null) {
            throw ProblemException.badRequest("BODY_REQUIRED", "A JSON body is required.");
        }
        return body;
    }
}
