package com.scalecommerce.platform.web.http;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Conditional GET for public reads: strong ETags derived from the body, RFC 9110 matching of If-None-Match,
 * and a 304 carrying the same validators. One implementation, so every endpoint answers caches alike.
 */
public final class ConditionalGet {

    private ConditionalGet() {}

    /** A strong ETag for a body: the first 128 bits of its SHA-256; the same body always gets the same tag. */
    public static String etagOf(String body) {
        return etagOf(body.getBytes(StandardCharsets.UTF_8));
    }

    public static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * RFC 9110 weak comparison, as If-None-Match requires: the header may list several tags or "*", and
     * compressing proxies turn a strong tag into a weak one ({@code W/}), which must still match.
     */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** 304 when the client holds {@code etag}, else the full answer; both carry the ETag and Cache-Control. */
    public static Response respond(
            String ifNoneMatch, String etag, String cacheControl, Supplier<Response.ResponseBuilder> fullAnswer) {
        Response.ResponseBuilder answer = matches(ifNoneMatch, etag) ? Response.notModified() : fullAnswer.get();
        return answer.header("ETag", etag).header("Cache-Control", cacheControl).build();
    }
}
