package com.scalecommerce.products.catalog;

import com.scalecommerce.platform.web.paging.Page;
import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.products.catalog.CatalogViews.AdminProduct;
import com.scalecommerce.products.catalog.ProductInputs.NewProduct;
import com.scalecommerce.products.catalog.ProductInputs.ProductChange;
import com.scalecommerce.products.catalog.ProductInputs.VariantInput;
import com.scalecommerce.products.media.ImageUploads;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/admin/products")
@RolesAllowed("ADMIN")
@RunOnVirtualThread
public class AdminProductsResource {

    private final ProductAdministration products;
    private final ImageUploads uploads;
    private final CatalogCsv csv;

    AdminProductsResource(ProductAdministration products, ImageUploads uploads, CatalogCsv csv) {
        this.products = products;
        this.uploads = uploads;
        this.csv = csv;
    }

    @GET
    public Page<CatalogViews.AdminProductSummary> list(
            @QueryParam("q") String q,
            @QueryParam("status") @Pattern(regexp = ProductInputs.STATUS, message = "must be DRAFT, ACTIVE or ARCHIVED")
                    String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return products.list(q, status, cursor, limit);
    }

    @POST
    public Response create(@Valid @NotNull NewProduct input) {
        AdminProduct created = products.create(input);
        return Response.created(URI.create("/api/admin/products/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Path("/{id}")
    public AdminProduct get(@PathParam("id") UUID id) {
        return products.get(id);
    }

    @PUT
    @Path("/{id}")
    public AdminProduct update(@PathParam("id") UUID id, @Valid @NotNull ProductChange change) {
        return products.update(id, change);
    }

    @POST
    @Path("/{id}/archive")
    public AdminProduct archive(@PathParam("id") UUID id) {
        return products.archive(id);
    }

    /** Drafts that were never published only; anything else is archived. */
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        products.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/variants")
    public Response addVariant(@PathParam("id") UUID id, @Valid @NotNull VariantInput variant) {
        return Response.status(201).entity(products.addVariant(id, variant)).build();
    }

    @PUT
    @Path("/{id}/variants/{variantId}")
    public AdminProduct updateVariant(
            @PathParam("id") UUID id, @PathParam("variantId") UUID variantId, @Valid @NotNull VariantInput variant) {
        return products.updateVariant(id, variantId, variant);
    }

    @DELETE
    @Path("/{id}/variants/{variantId}")
    public AdminProduct deleteVariant(@PathParam("id") UUID id, @PathParam("variantId") UUID variantId) {
        return products.deleteVariant(id, variantId);
    }

    /** The image as the raw body (any Content-Type: the bytes decide what it is). */
    @POST
    @Path("/{id}/images")
    @Consumes(MediaType.WILDCARD)
    public Response uploadImage(
            @PathParam("id") UUID id,
            @QueryParam("alt") String alt,
            @QueryParam("variantId") UUID variantId,
            InputStream body) {
        var stored = uploads.store(body);
        return Response.status(201)
                .entity(products.addImage(id, stored, alt, variantId))
                .build();
    }

    /** The image as the form field "file" of a multipart form, as browsers send it. */
    @POST
    @Path("/{id}/images")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadImageForm(
            @PathParam("id") UUID id,
            @RestForm("file") FileUpload file,
            @RestForm("alt") String alt,
            @RestForm("variantId") UUID variantId) {
        if (file == null) {
            throw ProblemException.invalidField("file", "is required");
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            var stored = uploads.store(in);
            return Response.status(201)
                    .entity(products.addImage(id, stored, alt, variantId))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DELETE
    @Path("/{id}/images/{imageId}")
    public AdminProduct deleteImage(@PathParam("id") UUID id, @PathParam("imageId") UUID imageId) {
        return products.deleteImage(id, imageId);
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    public Response export() {
        StreamingOutput body = csv::export;
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"products.csv\"")
                .build();
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public CatalogCsv.ImportResult importCsv(
            InputStream body, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        return csv.importCsv(body, dryRun);
    }
}
