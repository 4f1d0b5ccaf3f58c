package com.scalecommerce.platform.web.baseline;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * An endpoint that does no I/O, on the event loop. Benchmarks measure it next to real endpoints in the same run,
 * so a figure can be read against what the HTTP stack alone costs on that machine.
 */
@Path("/ping")
public class PingResource {

    @GET
    @NonBlocking
    @Produces(MediaType.TEXT_PLAIN)
    public String ping() {
        return "pong";
    }
}
