package com.scalecommerce.web.session;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Writes the session cookie once per response when the request changed the session (sign-in, a refreshed token,
 * a flash message, a new session for a form), or deletes it after sign-out. A resource that set the cookie itself
 * keeps its own header.
 */
public class SessionCookieFilter {

    private final Viewer viewer;
    private final Sessions sessions;

    SessionCookieFilter(Viewer viewer, Sessions sessions) {
        this.viewer = viewer;
        this.sessions = sessions;
    }

    @ServerResponseFilter
    public void write(ContainerRequestContext request, ContainerResponseContext response) {
        if (!viewer.changed() && !viewer.cleared()) {
            return;
        }
        if (response.getHeaders().containsKey(HttpHeaders.SET_COOKIE)) {
            return;
        }
        response.getHeaders()
                .add(
                        HttpHeaders.SET_COOKIE,
                        viewer.cleared() ? sessions.clearCookie() : sessions.setCookie(viewer.session()));
    }
}
