package com.scalecommerce.web.account;

import com.scalecommerce.web.catalog.Navigation;
import com.scalecommerce.web.http.Refused;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A forgotten password: the request always gets the same answer ("if an account exists, we sent a link"), so the
 * page tells nobody which addresses have accounts; the mailed link leads to a form for the new password. A reset
 * ends every session of the account at users, so a browser signed in here is signed out too, then sent to sign
 * in with the new password.
 */
@Path("/")
@RunOnVirtualThread
@Produces(MediaType.TEXT_HTML)
public class PasswordRecoveryResource {

    static final String SAME_ANSWER =
            "If an account exists for this address, we sent a mail with a link to reset its password.";
    private static final Map<String, String> RESET_FIELDS = Map.of("password", "The new password");

    private final UsersCalls users;
    private final CustomerAccess access;
    private final Viewer viewer;
    private final Navigation navigation;

    PasswordRecoveryResource(UsersCalls users, CustomerAccess access, Viewer viewer, Navigation navigation) {
        this.users = users;
        this.access = access;
        this.viewer = viewer;
        this.navigation = navigation;
    }

    @GET
    @Path("forgot-password")
    public Response forgotForm() {
        return Response.ok(AccountPages.forgotPassword(navigation.orEmpty(), viewer.getCsrf(), null, null))
                .build();
    }

    @POST
    @Path("forgot-password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response forgot(@FormParam("_csrf") String csrf, @FormParam("email") String email) {
        viewer.requireCsrf(csrf);
        if (email == null || email.isBlank()) {
            return Response.status(400)
                    .entity(AccountPages.forgotPassword(
                            navigation.orEmpty(), viewer.getCsrf(), email, "Enter the email address of your account."))
                    .build();
        }
        try {
            access.anonymous(CustomerAccess.USERS, () -> users.forgotPassword(email.strip()));
        } catch (Refused e) {
            String why = e.status() == 429
                    ? "Too many requests from here. Wait a few minutes, then try again."
                    : e.message();
            return Response.status(e.status() == 429 ? 429 : 400)
                    .entity(AccountPages.forgotPassword(navigation.orEmpty(), viewer.getCsrf(), email, why))
                    .build();
        }
        // Our own words, not users': the page must read the same whatever users found.
        viewer.flash(SAME_ANSWER);
        return Response.seeOther(URI.create("/forgot-password/sent")).build();
    }

    @GET
    @Path("forgot-password/sent")
    public Response sent() {
        String message = viewer.takeFlash();
        return Response.ok(AccountPages.resetRequested(navigation.orEmpty(), message == null ? SAME_ANSWER : message))
                .build();
    }

    @GET
    @Path("reset-password")
    public Response resetForm(@QueryParam("token") String token) {
        if (!RegisterResource.plausibleToken(token)) {
            return Response.status(400)
                    .entity(resetPage(
                            null,
                            FormErrors.summary("This link is incomplete. Open the link from the mail again, or ask"
                                    + " for a new one.")))
                    .build();
        }
        return Response.ok(resetPage(token, FormErrors.NONE)).build();
    }

    @POST
    @Path("reset-password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(
            @FormParam("_csrf") String csrf,
            @FormParam("token") String token,
            @FormParam("password") String password,
            @FormParam("passwordAgain") String passwordAgain) {
        viewer.requireCsrf(csrf);
        if (!RegisterResource.plausibleToken(token)) {
            return Response.status(400)
                    .entity(resetPage(null, FormErrors.summary("This reset link is invalid. Ask for a new one.")))
                    .build();
        }
        var wrong = new LinkedHashMap<String, String>();
        if (password == null || password.isEmpty()) {
            wrong.put("password", "Choose a new password.");
        } else if (!password.equals(passwordAgain)) {
            wrong.put("passwordAgain", "The two passwords are not the same.");
        }
        if (!wrong.isEmpty()) {
            return Response.status(400)
                    .entity(resetPage(token, FormErrors.of(wrong)))
                    .build();
        }
        try {
            access.anonymous(CustomerAccess.USERS, () -> {
                users.resetPassword(token, password);
                return null;
            });
        } catch (Refused e) {
            FormErrors errors = e.status() == 429
                    ? FormErrors.summary("Too many attempts. Wait a few minutes, then try again.")
                    : FormErrors.from(e, RESET_FIELDS);
            // A spent or expired token cannot be retried: the form goes, the way to a new link stays.
            String keep = "INVALID_TOKEN".equals(e.code()) ? null : token;
            return Response.status(e.status() == 429 ? 429 : 400)
                    .entity(resetPage(keep, errors))
                    .build();
        }
        if (viewer.isSignedIn()) {
            viewer.update(viewer.session().withSignIn(null));
        }
        viewer.flash("Your password has been changed. Sign in with your new password.");
        return Response.seeOther(URI.create("/login")).build();
    }

    private TemplateInstance resetPage(String token, FormErrors errors) {
        return AccountPages.resetPassword(navigation.orEmpty(), viewer.getCsrf(), token, errors);
    }
}
