package com.scalecommerce.web.checkout;

import com.scalecommerce.web.checkout.CheckoutModels.ProductWeights;
import com.scalecommerce.web.http.Refused;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Products' product detail, read only for its variants' unit weights: weight-based shipping rates need the parcel's
 * weight, which orders' cart view does not carry (orders' own checkout reads it from products the same way).
 */
@RegisterRestClient(configKey = "products")
@Path("/api/products")
@Produces(MediaType.APPLICATION_JSON)
interface ProductWeightsApi {

    @GET
    @Path("/{id}")
    ProductWeights product(@PathParam("id") String id);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return Refused.from(response, "That product is no longer in the catalog.");
    }
}
