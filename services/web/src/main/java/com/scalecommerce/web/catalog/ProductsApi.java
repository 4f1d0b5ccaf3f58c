package com.scalecommerce.web.catalog;

import com.scalecommerce.web.catalog.CatalogModels.CategoryTree;
import com.scalecommerce.web.catalog.CatalogModels.HomePage;
import com.scalecommerce.web.catalog.CatalogModels.ListingPage;
import com.scalecommerce.web.catalog.CatalogModels.ProductDetail;
import com.scalecommerce.web.catalog.CatalogModels.ReviewPage;
import com.scalecommerce.web.catalog.CatalogModels.Suggested;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** The products service's public catalog, as far as the storefront reads it. */
@RegisterRestClient(configKey = "products")
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
interface ProductsApi {

    @GET
    @Path("/merchandising/home")
    HomePage home();

    @GET
    @Path("/categories")
    CategoryTree categories();

    /** The filters pass through as products names them (q, category, brand, attr.NAME, sort, cursor...). */
    @GET
    @Path("/products")
    ListingPage products(@RestQuery MultivaluedMap<String, String> filters);

    /**
     * The same listing asked for a shopper's search: products records it as search.performed with this anonymous
     * session id, so it is asked for each search and never answered from the web tier's cache.
     */
    @GET
    @Path("/products")
    ListingPage search(
            @RestQuery MultivaluedMap<String, String> filters, @HeaderParam("X-Session-Id") String sessionId);

    @GET
    @Path("/products/{idOrSlug}")
    ProductDetail product(@PathParam("idOrSlug") String idOrSlug);

    @GET
    @Path("/products/{productId}/reviews")
    ReviewPage reviews(@PathParam("productId") UUID productId, @QueryParam("limit") int limit);

    @GET
    @Path("/search/suggest")
    Suggested suggest(@QueryParam("q") String q, @QueryParam("limit") int limit);
}
