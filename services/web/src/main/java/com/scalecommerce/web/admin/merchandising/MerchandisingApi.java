package com.scalecommerce.web.admin.merchandising;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Products' admin merchandising API: the home page's banners and its featured products. */
@RegisterRestClient(configKey = "products-admin")
@Path("/api/admin/merchandising")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface MerchandisingApi {

    @GET
    @Path("/featured")
    Featured featured(@HeaderParam("Authorization") String bearer);

    @PUT
    @Path("/featured")
    Featured replaceFeatured(@HeaderParam("Authorization") String bearer, Featured featured);

    @GET
    @Path("/banners")
    BannerPage banners(
            @HeaderParam("Authorization") String bearer,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/banners/{id}")
    Banner banner(@HeaderParam("Authorization") String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/banners")
    Banner createBanner(@HeaderParam("Authorization") String bearer, BannerInput banner);

    @PUT
    @Path("/banners/{id}")
    Banner replaceBanner(@HeaderParam("Authorization") String bearer, @PathParam("id") UUID id, BannerInput banner);

    @DELETE
    @Path("/banners/{id}")
    void deleteBanner(@HeaderParam("Authorization") String bearer, @PathParam("id") UUID id);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return Refused.from(response, "The merchandising settings did not accept that.");
    }

    /** The featured products in home-page order. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Featured(List<UUID> productIds) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Banner(
            UUID id,
            String headline,
            String text,
            String imageUrl,
            String imageKey,
            String link,
            int position,
            Instant startsAt,
            Instant endsAt,
            Instant createdAt,
            Instant updatedAt) {

        /** Whether the banner shows on the home page at {@code now}. */
        public String state(Instant now) {
            if (startsAt != null && now.isBefore(startsAt)) {
                return "Scheduled";
            }
            if (endsAt != null && !now.isBefore(endsAt)) {
                return "Ended";
            }
            return "Showing";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BannerPage(List<Banner> items, String nextCursor) {}

    /** Exactly one of imageUrl and imageKey; no end: shown until deleted. */
    record BannerInput(
            String headline,
            String text,
            String imageUrl,
            String imageKey,
            String link,
            Integer position,
            Instant startsAt,
            Instant endsAt) {}
}
