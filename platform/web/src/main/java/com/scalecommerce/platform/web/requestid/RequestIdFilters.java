package com.scalecommerce.platform.web.requestid;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it sent a sane one), puts it in the
 * log context and the response, and forwards it on outgoing REST client calls so one id follows a
 * request across services. W3C trace context travels beside it through OpenTelemetry.
 */
public class RequestIdFilters {

    // The header is read from the Vert.x request: ContainerRequestContext.getHeaderString builds JAX-RS's header
    // view of every header first, on every request.
    @ServerRequestFilter(preMatching = true)
    public void assignRequestId(HttpServerRequest http, ContainerRequestContext request) {
        String id = RequestIds.acceptOrCreate(http.getHeader(RequestIds.HEADER));
        MDC.put(RequestIds.MDC_KEY, id);
        request.setProperty(RequestIds.MDC_KEY, id);
    }

    @ServerResponseFilter
    public void echoRequestId(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(RequestIds.MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(RequestIds.HEADER, id.toString());
        }
    }

    /** Forwards the current request id on calls made with Quarkus REST clients. */
    @Provider
    public static class Propagation implements ClientRequestFilter {
        @Override
        public void filter(ClientRequestContext request) {
            String id = RequestIds.current();
            if (id != null && !request.getHeaders().containsKey(RequestIds.HEADER)) {
                request.getHeaders().putSingle(RequestIds.HEADER, id);
            }
        }
    }
}
