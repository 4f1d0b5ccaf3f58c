package com.scalecommerce.web.storefront;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Test only: says on each answer which kind of thread finished it, so a test can tell a page rendered on the event
 * loop from one that went through a virtual thread.
 */
public class HandlingThread {

    static final String HEADER = "X-Test-Handled-On";

    @ServerResponseFilter
    public void name(ContainerResponseContext response) {
        Thread thread = Thread.currentThread();
        response.getHeaders().putSingle(HEADER, thread.isVirtual() ? "virtual-thread" : thread.getName());
    }
}
