package com.scalecommerce.products.merchandising;

import com.scalecommerce.platform.web.paging.Page;
import io.smallrye.common.annotation.RunOnVirtualThread;
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

@Path("/api/admin/merchandising")
@RolesAllowed("ADMIN")
@RunOnVirtualThread
public class AdminMerchandisingResource {

    private final Merchandising merchandising;

    AdminMerchandisingResource(Merchandising merchandising) {
        this.merchandising = merchandising;
    }

    @GET
    @Path("/featured")
    public FeaturedProducts featured() {
        return merchandising.featured();
    }

    @PUT
    @Path("/featured")
    public FeaturedProducts replaceFeatured(FeaturedProducts featured) {
        return merchandising.replaceFeatured(featured == null ? null : featured.productIds());
    }

    /** Every banner, scheduled and expired ones too, in position order. */
    @GET
    @Path("/banners")
    public Page<Banner> banners(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return merchandising.banners(cursor, limit);
    }

    @POST
    @Path("/banners")
    public Response createBanner(BannerInput input) {
        Banner created = merchandising.createBanner(input);
        return Response.created(URI.create("/api/admin/merchandising/banners/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Path("/banners/{id}")
    public Banner banner(@PathParam("id") UUID id) {
        return merchandising.banner(id);
    }

    @PUT
    @Path("/banners/{id}")
    public Banner replaceBanner(@PathParam("id") UUID id, BannerInput input) {
        return merchandising.replaceBanner(id, input);
    }

    @DELETE
    @Path("/banners/{id}")
    public Response deleteBanner(@PathParam("id") UUID id) {
        merchandising.deleteBanner(id);
        return Response.noContent().build();
    }
}
