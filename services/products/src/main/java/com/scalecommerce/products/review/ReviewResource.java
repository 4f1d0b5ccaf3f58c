package com.scalecommerce.products.review;

import com.scalecommerce.platform.web.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/products/{productId}/reviews")
@RunOnVirtualThread
public class ReviewResource {

    private final Reviews reviews;
    private final JsonWebToken caller;

    ReviewResource(Reviews reviews, JsonWebToken caller) {
        this.reviews = reviews;
        this.caller = caller;
    }

    /** Visible reviews, newest first unless {@code sort} is rating-desc, rating-asc or helpful. */
    @GET
    @PermitAll
    public ReviewPage list(
            @PathParam("productId") UUID productId,
            @QueryParam("sort") String sort,
            @QueryParam("rating") Integer rating,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return reviews.visible(productId, rating, sort, cursor, limit);
    }

    @POST
    @RolesAllowed("CUSTOMER")
    public Response post(@PathParam("productId") UUID productId, ReviewInput input) {
        Review posted = reviews.post(productId, me(), requireBody(input));
        return Response.created(URI.create("/api/products/" + productId + "/reviews/" + posted.id()))
                .entity(posted)
                .build();
    }

    @GET
    @Path("/mine")
    @RolesAllowed("CUSTOMER")
    public Review mine(@PathParam("productId") UUID productId) {
        return reviews.mine(productId, me());
    }

    @PUT
    @Path("/{reviewId}")
    @RolesAllowed("CUSTOMER")
    public Review edit(
            @PathParam("productId") UUID productId, @PathParam("reviewId") UUID reviewId, ReviewInput input) {
        return reviews.edit(productId, reviewId, me(), requireBody(input));
    }

    @DELETE
    @Path("/{reviewId}")
    @RolesAllowed("CUSTOMER")
    public Response delete(@PathParam("productId") UUID productId, @PathParam("reviewId") UUID reviewId) {
        reviews.delete(productId, reviewId, me());
        return Response.noContent().build();
    }

    @POST
    @Path("/{reviewId}/helpful")
    @RolesAllowed("CUSTOMER")
    public Review markHelpful(@PathParam("productId") UUID productId, @PathParam("reviewId") UUID reviewId) {
        return reviews.markHelpful(productId, reviewId, me());
    }

    private static ReviewInput requireBody(ReviewInput input) {
        if (input == null) {
            throw ProblemException.badRequest("MISSING_BODY", "A review needs a JSON body.");
        }
        return input;
    }

    private UUID me() {
        return Callers.id(caller);
    }
}
