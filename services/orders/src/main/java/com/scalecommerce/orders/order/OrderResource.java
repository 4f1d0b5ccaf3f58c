package com.scalecommerce.orders.order;

import com.scalecommerce.platform.web.paging.CreatedCursor;
import com.scalecommerce.platform.web.paging.Page;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A customer's own orders. */
@Path("/api/orders")
@RolesAllowed("CUSTOMER")
@RunOnVirtualThread
public class OrderResource {

    private final Orders orders;
    private final JsonWebToken jwt;
    private final OrderConfig config;

    OrderResource(Orders orders, JsonWebToken jwt, OrderConfig config) {
        this.orders = orders;
        this.jwt = jwt;
        this.config = config;
    }

    @GET
    public Page<Order> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return orders.ofCustomer(
                me(),
                CreatedCursor.decode(cursor),
                Page.size(limit, config.customerPageSize(), config.customerMaxPageSize()));
    }

    @GET
    @Path("/{id}")
    public Order get(@PathParam("id") UUID id) {
        return orders.ownedBy(id, me());
    }

    @POST
    @Path("/{id}/cancel")
    public Order cancel(@PathParam("id") UUID id) {
        return orders.cancelByCustomer(id, me());
    }

    private UUID me() {
        return UUID.fromString(jwt.getSubject());
    }
}
