package com.scalecommerce.web.account;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.WebConfig;
import com.scalecommerce.web.cart.GuestCarts;
import com.scalecommerce.web.catalog.Navigation;
import com.scalecommerce.web.http.Refused;
import com.scalecommerce.web.session.Session;
import com.scalecommerce.web.session.Viewer;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.logging.Logger;

/**
 * Sign-in and sign-out. Users checks the password and answers tokens; the session cookie keeps them encrypted
 * (see {@link Viewer} for the server-side refresh). A guest cart joins the customer's cart at sign-in. Sign-out
 * ends the session at users and deletes the cookie.
 */
@Path("/")
@RunOnVirtualThread
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    private static final Logger LOG = Logger.getLogger(SignInResource.class);

    private final UsersCalls users;
    private final Viewer viewer;
    private final GuestCarts guestCarts;
    private final Navigation navigation;
    private final WebConfig config;

    SignInResource(UsersCalls users, Viewer viewer, GuestCarts guestCarts, Navigation navigation, WebConfig config) {
        this.users = users;
        this.viewer = viewer;
        this.guestCarts = guestCarts;
        this.navigation = navigation;
        this.config = config;
    }

    @GET
    @Path("login")
    public Response form(@QueryParam("next") String next) {
        if (viewer.isSignedIn()) {
            return Response.seeOther(URI.create(safeNext(next))).build();
        }
        return Response.ok(page(null, next, null, viewer.takeFlash())).build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(
            @FormParam("_csrf") String csrf,
            @FormParam("email") String email,
            @FormParam("password") String password,
            @FormParam("next") String next) {
        viewer.requireCsrf(csrf);
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            return Response.status(400)
                    .entity(page(email, next, "Enter your email and your password.", null))
                    .build();
        }
        try {
            Session signedIn = viewer.session().withSignIn(Viewer.signIn(users.login(email.strip(), password)));
            viewer.update(signedIn.withFlash(null));
        } catch (Refused e) {
            return Response.status(e.status() == 429 ? 429 : 401)
                    .entity(page(email, next, reason(e), null))
                    .build();
        } catch (RuntimeException e) {
            LOG.debugf(e, "users unreachable for a sign-in");
            throw ProblemException.unavailable(
                    "USERS_UNAVAILABLE",
                    "Signing in is not possible right now. Browsing and your cart still work; try again in a moment.",
                    config.retryAfterSeconds());
        }
        guestCarts.mergeIntoCustomerCart();
        return Response.seeOther(URI.create(safeNext(next))).build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam("_csrf") String csrf) {
        viewer.requireCsrf(csrf);
        Session session = viewer.session();
        if (session.signedIn()) {
            try {
                users.logout(session.signIn().accessToken(), session.signIn().refreshToken());
            } catch (RuntimeException e) {
                // The cookie goes anyway; the refresh token then simply expires at users.
                LOG.debugf(e, "users did not confirm a sign-out");
            }
        }
        viewer.clear();
        return Response.seeOther(URI.create("/")).build();
    }

    private TemplateInstance page(String email, String next, String error, String notice) {
        return AccountPages.signIn(navigation.orEmpty(), viewer.getCsrf(), email, safeNext(next), error, notice);
    }

    private static String reason(Refused e) {
        if (e.status() == 429) {
            return "Too many attempts. Wait a few minutes, then try again.";
        }
        if (e.status() == 400) {
            return e.message();
        }
        // Users answers the same for an unknown address and a wrong password (no account enumeration); so do we.
        return e.getMessage() == null ? "The email or password is not right." : e.getMessage();
    }

    /** Only a path on this site: never an absolute URL or {@code //host} (no open redirect after sign-in). */
    static String safeNext(String next) {
        if (next == null
                || next.isBlank()
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.startsWith("/\\")
                || next.length() > 500
                || !next.matches("[A-Za-z0-9/_.~%?=&+-]*")) {
            return "/account";
        }
        return next;
    }
}
