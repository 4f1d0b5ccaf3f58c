package com.scalecommerce.web.http;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The storefront's CSS and JS, fingerprinted: pages link {@code /static/app.css?v=<sha256 prefix>}, computed from
 * the bytes at startup, so a browser may keep a file for a year and a new release still reaches it at once under a
 * new URL. Served here rather than from META-INF/resources so this class decides the caching headers. A request
 * with a stale or missing fingerprint still gets the file, but with revalidation instead of a year's caching.
 */
@Singleton
@Named("assets")
@Path("/static")
public class StaticAssets {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private record Asset(byte[] bytes, String contentType, String version) {}

    private static final Map<String, String> TYPES = Map.of(
            "app.css",
            "text/css; charset=utf-8",
            "app.js",
            "text/javascript; charset=utf-8",
            // Loaded by the checkout's payment step only when the shop runs on Stripe.
            "checkout-stripe.js",
            "text/javascript; charset=utf-8");

    private final Map<String, Asset> assets;

    StaticAssets() {
        var loaded = new java.util.HashMap<String, Asset>();
        TYPES.forEach((name, type) -> {
            byte[] bytes = read(name);
            loaded.put(name, new Asset(bytes, type, fingerprint(bytes)));
        });
        this.assets = Map.copyOf(loaded);
    }

    /** The URL a page links, e.g. {@code /static/app.css?v=3f2a...}. */
    public String url(String name) {
        Asset asset = assets.get(name);
        if (asset == null) {
            throw new IllegalArgumentException("no static asset " + name);
        }
        return "/static/" + name + "?v=" + asset.version();
    }

    public String css() {
        return url("app.css");
    }

    public String js() {
        return url("app.js");
    }

    @GET
    @Path("/{name}")
    public Response asset(@PathParam("name") String name, @QueryParam("v") String version) {
        Asset asset = assets.get(name);
        if (asset == null) {
            return Response.status(404).header("Cache-Control", "no-cache").build();
        }
        return Response.ok(asset.bytes())
                .type(asset.contentType())
                .header("Cache-Control", asset.version().equals(version) ? IMMUTABLE : "no-cache")
                .header("ETag", "\"" + asset.version() + "\"")
                .build();
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticAssets.class.getResourceAsStream("/web-static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing /web-static/" + name + " on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fingerprint(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
