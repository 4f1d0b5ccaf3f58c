package com.scalecommerce.products.merchandising;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;

@Path("/api/merchandising")
@PermitAll
@RunOnVirtualThread
public class MerchandisingResource {

    private final HomePageCache home;
    private final MerchandisingConfig config;

    MerchandisingResource(HomePageCache home, MerchandisingConfig config) {
        this.home = home;
        this.config = config;
    }

    /** Active banners in their window, featured products, new arrivals and best sellers. */
    @GET
    @Path("/home")
    public Response home(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        HomePageCache.Rendered page = home.homePage();
        String cacheControl = "public, max-age=" + config.clientMaxAge().toSeconds();
        if (matches(ifNoneMatch, page.etag())) {
            return Response.notModified()
                    .header(HttpHeaders.ETAG, page.etag())
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                    .build();
        }
        return Response.ok(page.json(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, page.etag())
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .build();
    }

    // If-None-Match compares weakly (RFC 9110): W/ prefixes are ignored, and it may list several tags.
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }
}
