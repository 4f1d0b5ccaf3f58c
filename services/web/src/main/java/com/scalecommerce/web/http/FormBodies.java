package com.scalecommerce.web.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Reads a small url-encoded form's body on the event loop, before the request moves to its resource's virtual
 * thread. RESTEasy reads form parameters after that move, through a blocking stream: the virtual thread parks until
 * the event loop hands it the body, which costs a round trip between threads on every cart change, sign-in and
 * checkout step. With the body already in the routing context, RESTEasy parses it from memory.
 *
 * <p>Only a body that declares its length, up to {@link #MAX_BYTES}, is read here. Anything else (chunked, larger,
 * multipart uploads) goes on unread, and RESTEasy reads it as before under Quarkus' own size limit.
 */
@ApplicationScoped
public class FormBodies {

    /**
     * Storefront forms are a few hundred bytes. A longer admin form (a product description may hold 20,000
     * characters) may go past this and is read by RESTEasy as before.
     */
    static final int MAX_BYTES = 64 * 1024;

    private static final String FORM = "application/x-www-form-urlencoded";

    void register(@Observes Filters filters) {
        // Below SecurityHeaders (100), so it runs after it: an answer to a failed read still carries those headers.
        filters.register(FormBodies::readSmallForm, 90);
    }

    static void readSmallForm(RoutingContext rc) {
        var request = rc.request();
        long length = declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (request.method() != HttpMethod.POST
                || length < 0
                || length > MAX_BYTES
                || !isForm(request.getHeader(HttpHeaders.CONTENT_TYPE))
                || request.isEnded()) {
            rc.next();
            return;
        }
        request.body().onComplete(read -> {
            if (read.failed()) {
                rc.fail(read.cause());
                return;
            }
            rc.setBody(read.result());
            rc.next();
        });
        // The router pauses every request until a handler asks for its body.
        request.resume();
    }

    static boolean isForm(String contentType) {
        return contentType != null && contentType.regionMatches(true, 0, FORM, 0, FORM.length());
    }

    /** The Content-Length as a number, or -1 when absent or not one. */
    static long declaredLength(String header) {
        if (header == null || header.isEmpty() || header.length() > 18) {
            return -1;
        }
        long length = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            length = length * 10 + (c - '0');
        }
        return length;
    }
}
