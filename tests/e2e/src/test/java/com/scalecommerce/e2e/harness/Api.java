package com.scalecommerce.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP API of one running service. Plain java.net.http: no static configuration shared between threads,
 * so hundreds of virtual threads can call at once (the flash sale does).
 */
public final class Api {

    // HTTP/1.1: the services speak it on plain sockets; an h2c upgrade attempt would only add a round trip.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final URI base;

    Api(String name, URI base) {
        this.name = name;
        this.base = base;
    }

    public String name() {
        return name;
    }

    public URI base() {
        return base;
    }

    public Call get(String path) {
        return new Call("GET", path, null);
    }

    public Call post(String path, Object body) {
        return new Call("POST", path, body);
    }

    public Call put(String path, Object body) {
        return new Call("PUT", path, body);
    }

    public Call patch(String path, Object body) {
        return new Call("PATCH", path, body);
    }

    public Call delete(String path) {
        return new Call("DELETE", path, null);
    }

    /** A request being put together; {@link #send()} performs it. Bodies are JSON (a String is sent as is). */
    public final class Call {
        private final String method;
        private final String path;
        private final Object body;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Call(String method, String path, Object body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }

        public Call header(String name, String value) {
            if (value != null) {
                headers.put(name, value);
            }
            return this;
        }

        public Call bearer(String accessToken) {
            return header("Authorization", "Bearer " + accessToken);
        }

        /** Adds whatever identifies the shopper: a customer's bearer token or a guest's cart token. */
        public Call as(Shopper shopper) {
            shopper.identify(this);
            return this;
        }

        public Reply send() {
            URI uri = base.resolve(path);
            var request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
            headers.forEach(request::header);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json");
                request.method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
            }
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(
                        method,
                        uri,
                        response.statusCode(),
                        response.headers(),
                        response.body(),
                        Duration.ofNanos(System.nanoTime() - started));
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + uri + " (" + name + ") failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during " + method + " " + uri, e);
            }
        }
    }
}
