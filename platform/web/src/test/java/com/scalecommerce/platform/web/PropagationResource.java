package com.scalecommerce.platform.web;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/** Calls itself through a Quarkus REST client, the way one service calls another. */
@Path("/propagation")
@RunOnVirtualThread
public class PropagationResource {

    @Path("/propagation")
    public interface Downstream {
        @GET
        @Path("/echo")
        Map<String, String> echo();
    }

    @GET
    @Path("/echo")
    public Map<String, String> echo(
            @HeaderParam("X-Request-Id") String requestId, @HeaderParam("traceparent") String traceparent) {
        return Map.of("requestId", String.valueOf(requestId), "traceparent", String.valueOf(traceparent));
    }

    @GET
    @Path("/call")
    public Map<String, String> callDownstream(@Context UriInfo uri) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(uri.getBaseUri())
                .build(Downstream.class)
                .echo();
    }
}
