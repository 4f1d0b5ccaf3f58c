package com.scalecommerce.products.media;

import com.scalecommerce.platform.web.http.ConditionalGet;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Serves stored images. Keys are content hashes, so a response never changes: cache it for a year. */
@Path("/media")
@RunOnVirtualThread
public class MediaResource {

    static final String FOREVER = "public, max-age=31536000, immutable";

    private final ImageStorage storage;

    MediaResource(ImageStorage storage) {
        this.storage = storage;
    }

    @GET
    @Path("/{key}")
    public Response image(@PathParam("key") String key, @HeaderParam("If-None-Match") String ifNoneMatch) {
        String etag = "\"" + key + "\"";
        if (ConditionalGet.matches(ifNoneMatch, etag)) {
            return Response.notModified()
                    .header("ETag", etag)
                    .header("Cache-Control", FOREVER)
                    .build();
        }
        var image = storage.get(key)
                .orElseThrow(() -> ProblemException.notFound("IMAGE_NOT_FOUND", "No image is stored under this key."));
        return Response.ok(image.content(), image.contentType())
                .header("ETag", etag)
                .header("Cache-Control", FOREVER)
                // Served from our own origin: never let a browser guess a more dangerous type.
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .build();
    }
}
