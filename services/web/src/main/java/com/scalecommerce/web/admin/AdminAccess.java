package com.scalecommerce.web.admin;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.session.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The gate every admin page and form passes first. A guest is sent to sign in (and back here afterwards); a
 * signed-in person without the ADMIN role gets a 403 page. The services check the role again on every call, with
 * the token this hands out: the web tier is a convenience, not the security boundary.
 */
@ApplicationScoped
public class AdminAccess {

    private final Viewer viewer;

    AdminAccess(Viewer viewer) {
        this.viewer = viewer;
    }

    /** The admin's {@code "Bearer …"} for calls on their behalf; throws the redirect or 403 otherwise. */
    public String requireAdmin(String returnTo) {
        if (!viewer.isSignedIn()) {
            throw signIn(returnTo);
        }
        String bearer = viewer.bearer();
        if (bearer == null) {
            // The refresh was refused: the session ended at users.
            throw signIn(returnTo);
        }
        if (!viewer.isAdmin()) {
            throw ProblemException.forbidden("This page is for the shop's administrators.");
        }
        return bearer;
    }

    /** For a form post: the CSRF token first, then the role. */
    public String requireAdmin(String returnTo, String csrf) {
        viewer.requireCsrf(csrf);
        return requireAdmin(returnTo);
    }

    private static WebApplicationException signIn(String returnTo) {
        String next = returnTo == null ? "/admin" : returnTo;
        return new WebApplicationException(
                Response.seeOther(URI.create("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)))
                        .build());
    }
}
