package com.scalecommerce.web.catalog;

import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Product images. Products answers image URLs as {@code /media/<content hash>} on the shop's own origin: behind the
 * Compose edge or the Kubernetes Ingress that path goes straight to products and never reaches this class. Run
 * without an edge (the one-command local run), the browser asks the web app, which passes the request on. Keys are
 * content hashes, so products' year-long immutable caching makes each image one trip per browser.
 */
@Path("/media")
@RunOnVirtualThread
public class MediaResource {

    private static final Logger LOG = Logger.getLogger(MediaResource.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private final URI products;

    MediaResource(@ConfigProperty(name = "scalecommerce.products.url") String productsUrl) {
        this.products = URI.create(productsUrl.endsWith("/") ? productsUrl : productsUrl + "/");
    }

    @GET
    @Path("{key}")
    public Response image(@PathParam("key") String key, @HeaderParam("If-None-Match") String ifNoneMatch) {
        if (!key.matches("[A-Za-z0-9._-]{1,200}")) {
            return Response.status(404).build();
        }
        var request = HttpRequest.newBuilder(products.resolve("media/" + key)).timeout(TIMEOUT);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try {
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            var response = Response.status(
                    answer.statusCode() == 200 || answer.statusCode() == 304 ? answer.statusCode() : 404);
            for (String header : new String[] {"Content-Type", "ETag", "Cache-Control", "Content-Security-Policy"}) {
                answer.headers().firstValue(header).ifPresent(v -> response.header(header, v));
            }
            if (answer.statusCode() == 200) {
                response.entity(answer.body());
            }
            return response.build();
        } catch (IOException e) {
            LOG.debugf(e, "products unreachable for an image");
            return Response.status(503).header("Retry-After", "5").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.status(503).build();
        }
    }
}
