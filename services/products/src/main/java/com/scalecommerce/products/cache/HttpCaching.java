package com.scalecommerce.products.cache;

import com.scalecommerce.platform.web.http.ConditionalGet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Conditional GET for public reads: an ETag on every answer, 304 Not Modified when the client already holds it,
 * and a short shared max-age with stale-while-revalidate, so browsers and CDNs absorb most repeat traffic.
 */
@ApplicationScoped
public class HttpCaching {

    private final String cacheControl;

    HttpCaching(CacheConfig config) {
        this.cacheControl = "public, max-age=" + config.maxAge().toSeconds() + ", stale-while-revalidate="
                + config.staleWhileRevalidate().toSeconds();
    }

    public Response respond(CachedJson body, String ifNoneMatch) {
        return ConditionalGet.respond(
                ifNoneMatch,
                body.etag(),
                cacheControl,
                () -> Response.ok(body.json(), MediaType.APPLICATION_JSON_TYPE));
    }
}
