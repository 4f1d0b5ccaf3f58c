package com.scalecommerce.orders.catalog;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The products service's public catalog, as far as orders needs it. */
@RegisterRestClient(configKey = "products")
@Path("/api/products")
interface ProductsApi {

    @GET
    @Path("/{idOrSlug}")
    @Produces(MediaType.APPLICATION_JSON)
    ProductDto product(@PathParam("idOrSlug") String idOrSlug);
}
