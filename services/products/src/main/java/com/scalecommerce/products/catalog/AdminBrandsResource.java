package com.scalecommerce.products.catalog;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.products.cache.CatalogCache;
import com.scalecommerce.products.catalog.CatalogViews.BrandRef;
import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Brands. Products may also name a brand that does not exist yet; it is created then. */
@Path("/api/admin/brands")
@RolesAllowed("ADMIN")
@RunOnVirtualThread
public class AdminBrandsResource {

    private final AgroalDataSource db;
    private final CatalogCache cache;

    AdminBrandsResource(AgroalDataSource db, CatalogCache cache) {
        this.db = db;
        this.cache = cache;
    }

    public record BrandInput(
            @NotBlank @Size(max = 120) String name,

            @Size(max = 120) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case words joined by dashes")
            String slug) {}

    @GET
    public List<BrandRef> list() {
        try (var connection = db.getConnection();
                var select = connection.prepareStatement("select id, slug, name from brand order by name, id");
                var rows = select.executeQuery()) {
            var brands = new ArrayList<BrandRef>();
            while (rows.next()) {
                brands.add(new BrandRef(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3)));
            }
            return brands;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @POST
    @Transactional
    public Response create(@Valid @NotNull BrandInput input) {
        try (var connection = db.getConnection()) {
            requireFreeName(connection, input.name().strip(), null);
            UUID id = UUID.randomUUID();
            String slug = Slugs.choose(connection, "brand", input.slug(), input.name(), null);
            try (var insert = connection.prepareStatement("insert into brand (id, slug, name) values (?, ?, ?)")) {
                insert.setObject(1, id);
                insert.setString(2, slug);
                insert.setString(3, input.name().strip());
                insert.executeUpdate();
            }
            return Response.created(URI.create("/api/admin/brands/" + id))
                    .entity(new BrandRef(id, slug, input.name().strip()))
                    .build();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Renaming re-indexes the brand's products for search (a trigger) and invalidates cached reads. */
    @PUT
    @Path("/{id}")
    @Transactional
    public BrandRef rename(@PathParam("id") UUID id, @Valid @NotNull BrandInput input) {
        try (var connection = db.getConnection()) {
            requireFreeName(connection, input.name().strip(), id);
            String currentSlug;
            try (var select = connection.prepareStatement("select slug from brand where id = ? for update")) {
                select.setObject(1, id);
                try (var rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw ProblemException.notFound("BRAND_NOT_FOUND", "No such brand.");
                    }
                    currentSlug = rows.getString(1);
                }
            }
            String slug = input.slug() == null || input.slug().equals(currentSlug)
                    ? currentSlug
                    : Slugs.choose(connection, "brand", input.slug(), input.name(), id);
            try (var update = connection.prepareStatement("update brand set name = ?, slug = ? where id = ?")) {
                update.setString(1, input.name().strip());
                update.setString(2, slug);
                update.setObject(3, id);
                update.executeUpdate();
            }
            cache.invalidateAfterCommit();
            return new BrandRef(id, slug, input.name().strip());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireFreeName(java.sql.Connection connection, String name, UUID self) throws SQLException {
        try (var select = connection.prepareStatement(
                "select 1 from brand where lower(name) = lower(?) and (?::uuid is null or id <> ?::uuid)")) {
            select.setString(1, name);
            select.setObject(2, self);
            select.setObject(3, self);
            try (var rows = select.executeQuery()) {
                if (rows.next()) {
                    throw ProblemException.conflict("BRAND_NAME_TAKEN", "A brand with this name exists.");
                }
            }
        }
    }
}
