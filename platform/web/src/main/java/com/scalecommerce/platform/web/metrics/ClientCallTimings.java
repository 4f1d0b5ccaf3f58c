package com.scalecommerce.platform.web.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.client.impl.PreservesThreadClientResponseFilter;

/**
 * Times every REST client call as {@code http.client.requests} (client host, method, URI template, status,
 * outcome): the caller's view of each dependency, which the callee's server metrics cannot show (a slow network, a
 * full connection pool).
 *
 * <p>This replaces Quarkus' own REST client metrics filter, switched off in this module's configuration. That filter
 * is a plain response filter, and the REST client runs such filters on a worker thread when the response arrives on
 * the event loop: every call paid a hand-off from the event loop to a worker and on to the caller's virtual thread
 * (on web's cart step the worker threads alone used about 5 % of its CPU, besides the wake-ups). Recording a timer
 * needs no blocking, so this filter says so with the client's marker interface and runs where the answer arrives.
 */
@Provider
public class ClientCallTimings implements ClientRequestFilter, PreservesThreadClientResponseFilter {

    static final String METRIC = "http.client.requests";
    // The REST client puts the method's path template here: /api/products/{idOrSlug}, not one series per product.
    static final String URL_TEMPLATE = "UrlPathTemplate";
    private static final String SAMPLE = ClientCallTimings.class.getName();

    private final MeterRegistry registry;
    private final Meter.MeterProvider<Timer> timers;

    @Inject
    public ClientCallTimings(MeterRegistry registry) {
        this.registry = registry;
        this.timers = Timer.builder(METRIC)
                .description("REST client calls to other services, as the caller saw them")
                .withRegistry(registry);
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.setProperty(SAMPLE, Timer.start(registry));
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (!(request.getProperty(SAMPLE) instanceof Timer.Sample sample)) {
            return;
        }
        int status = response.getStatus();
        sample.stop(timers.withTags(Tags.of(
                "clientName", host(request),
                "method", request.getMethod(),
                "uri", uri(request),
                "status", Integer.toString(status),
                "outcome", outcome(status))));
    }

    private static String host(ClientRequestContext request) {
        String host = request.getUri().getHost();
        return host == null ? "none" : host;
    }

    private static String uri(ClientRequestContext request) {
        return request.getProperty(URL_TEMPLATE) instanceof String template ? template : "UNKNOWN";
    }

    static String outcome(int status) {
        if (status < 200) {
            return "INFORMATIONAL";
        }
        if (status < 300) {
            return "SUCCESS";
        }
        if (status < 400) {
            return "REDIRECTION";
        }
        return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
    }
}
