package com.scalecommerce.products.cache;

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
        if (matches(ifNoneMatch, body.etag())) {
            return Response.notModified()
                    .header("ETag", body.etag())
                    .header("Cache-Control", cacheControl)
                    .build();
        }
        return Response.ok(body.json(), MediaType.APPLICATION_JSON_TYPE)
                .header("ETag", body.etag())
                .header("Cache-Control", cacheControl)
                .build();
    }

    /** RFC 9110 weak comparison: a list of tags, "*", and W/ prefixes (added by compressing proxies) all count. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
