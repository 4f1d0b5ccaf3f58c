package com.scalecommerce.products.category;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/admin/categories")
@RolesAllowed("ADMIN")
@RunOnVirtualThread
public class AdminCategoriesResource {

    private final Categories categories;

    AdminCategoriesResource(Categories categories) {
        this.categories = categories;
    }

    @GET
    public List<Categories.CategoryNode> tree() {
        return categories.tree();
    }

    @GET
    @Path("/{id}")
    public Categories.Category get(@PathParam("id") UUID id) {
        return categories.get(id);
    }

    @POST
    public Response create(@Valid @NotNull Categories.NewCategory input) {
        var created = categories.create(input);
        return Response.created(URI.create("/api/admin/categories/" + created.id()))
                .entity(created)
                .build();
    }

    /** Renames; the slug changes only when given. */
    @PUT
    @Path("/{id}")
    public Categories.Category update(@PathParam("id") UUID id, @Valid @NotNull Categories.CategoryChange change) {
        return categories.update(id, change);
    }

    /** Moves to another parent and/or position; the same parent with a new position reorders. */
    @POST
    @Path("/{id}/move")
    public Categories.Category move(@PathParam("id") UUID id, @Valid @NotNull Categories.CategoryMove move) {
        return categories.move(id, move);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        categories.delete(id);
        return Response.noContent().build();
    }
}
