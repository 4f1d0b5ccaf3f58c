package com.scalecommerce.web.storefront;

import com.scalecommerce.web.http.Refused;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Products' review API for a signed-in customer (one review per customer and product; products sanitises text). */
@RegisterRestClient(configKey = "products")
@Path("/api/products/{productId}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ReviewsApi {

    @POST
    void post(@HeaderParam("Authorization") String bearer, @PathParam("productId") UUID productId, NewReview review);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return Refused.from(response, "Your review could not be posted. Please check it and try again.");
    }

    /** Products' ReviewInput. */
    record NewReview(Integer rating, String title, String text, String authorName) {}
}
