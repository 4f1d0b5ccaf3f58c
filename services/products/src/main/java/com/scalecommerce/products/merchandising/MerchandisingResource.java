package com.scalecommerce.products.merchandising;

import com.scalecommerce.platform.web.http.ConditionalGet;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
        return ConditionalGet.respond(
                ifNoneMatch,
                page.etag(),
                "public, max-age=" + config.clientMaxAge().toSeconds(),
                () -> Response.ok(page.json(), MediaType.APPLICATION_JSON_TYPE));
    }
}
