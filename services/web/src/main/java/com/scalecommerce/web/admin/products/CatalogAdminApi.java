package com.scalecommerce.web.admin.products;

import com.scalecommerce.web.admin.products.CatalogAdminModels.BrandRef;
import com.scalecommerce.web.admin.products.CatalogAdminModels.CategoryNode;
import com.scalecommerce.web.admin.products.CatalogAdminModels.NewCategory;
import com.scalecommerce.web.admin.products.CatalogAdminModels.NewProduct;
import com.scalecommerce.web.admin.products.CatalogAdminModels.Product;
import com.scalecommerce.web.admin.products.CatalogAdminModels.ProductChange;
import com.scalecommerce.web.admin.products.CatalogAdminModels.ProductPage;
import com.scalecommerce.web.admin.products.CatalogAdminModels.VariantInput;
import com.scalecommerce.web.http.Refused;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/** The products service's admin catalog (ADMIN role, checked by products on every call with the admin's token). */
@RegisterRestClient(configKey = "products-admin")
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface CatalogAdminApi {

    String AUTHORIZATION = "Authorization";

    @GET
    @Path("/products")
    ProductPage products(
            @HeaderParam(AUTHORIZATION) String bearer,
            @QueryParam("q") String q,
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit);

    @GET
    @Path("/products/{id}")
    Product product(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/products")
    Product create(@HeaderParam(AUTHORIZATION) String bearer, NewProduct product);

    @PUT
    @Path("/products/{id}")
    Product update(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id, ProductChange change);

    @POST
    @Path("/products/{id}/archive")
    Product archive(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/products/{id}/variants")
    Product addVariant(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id, VariantInput variant);

    @PUT
    @Path("/products/{id}/variants/{variantId}")
    Product updateVariant(
            @HeaderParam(AUTHORIZATION) String bearer,
            @PathParam("id") UUID id,
            @PathParam("variantId") UUID variantId,
            VariantInput variant);

    /** The multipart form products documents for browsers: the file as "file", with "alt" and "variantId". */
    @POST
    @Path("/products/{id}/images")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Product uploadImage(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id, ClientMultipartForm image);

    @DELETE
    @Path("/products/{id}/images/{imageId}")
    Product deleteImage(
            @HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id, @PathParam("imageId") UUID imageId);

    @GET
    @Path("/brands")
    List<BrandRef> brands(@HeaderParam(AUTHORIZATION) String bearer);

    @GET
    @Path("/categories")
    List<CategoryNode> categories(@HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("/categories")
    CatalogAdminModels.Category createCategory(@HeaderParam(AUTHORIZATION) String bearer, NewCategory category);

    @DELETE
    @Path("/categories/{id}")
    void deleteCategory(@HeaderParam(AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return Refused.from(response, "The catalog did not accept that.");
    }
}
