package com.scalecommerce.products.review;

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

@Path("/api/admin/reviews")
@RolesAllowed("ADMIN")
@RunOnVirtualThread
public class AdminReviewResource {

    private final Reviews reviews;
    private final JsonWebToken caller;

    AdminReviewResource(Reviews reviews, JsonWebToken caller) {
        this.reviews = reviews;
        this.caller = caller;
    }

    /** Every review, hidden ones too, newest first. */
    @GET
    public Page<AdminReview> list(
            @QueryParam("productId") UUID productId,
            @QueryParam("status") String status,
            @QueryParam("rating") Integer rating,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return reviews.moderationQueue(productId, status, rating, cursor, limit);
    }

    @POST
    @Path("/{id}/hide")
    public AdminReview hide(@PathParam("id") UUID id) {
        return reviews.hide(id, Callers.id(caller));
    }

    @POST
    @Path("/{id}/unhide")
    public AdminReview unhide(@PathParam("id") UUID id) {
        return reviews.unhide(id, Callers.id(caller));
    }
}
