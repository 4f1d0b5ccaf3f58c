package com.scalecommerce.web.account;

import com.scalecommerce.platform.web.problem.ProblemException;
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
 * Creating an account and confirming its email address. Users answers a registration the same way whether the
 * address is new or taken (it tells the owner of a taken one by mail), so this page does too: "check your mail".
 * Nobody is signed in by registering; the mailed link leads to {@code /verify-email}, whose GET only shows a
 * button: mail scanners and link previews fetch links, and a GET must not spend the token.
 */
@Path("/")
@RunOnVirtualThread
@Produces(MediaType.TEXT_HTML)
public class RegisterResource {

    static final Map<String, String> FIELDS = Map.of("email", "Email", "password", "Password", "name", "Name");
    private static final int MAX_TOKEN = 200;

    private final UsersCalls users;
    private final CustomerAccess access;
    private final Viewer viewer;
    private final Navigation navigation;

    RegisterResource(UsersCalls users, CustomerAccess access, Viewer viewer, Navigation navigation) {
        this.users = users;
        this.access = access;
        this.viewer = viewer;
        this.navigation = navigation;
    }

    @GET
    @Path("register")
    public Response form() {
        if (viewer.isSignedIn()) {
            return Response.seeOther(URI.create("/account")).build();
        }
        return Response.ok(page(null, null, FormErrors.NONE)).build();
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(
            @FormParam("_csrf") String csrf,
            @FormParam("email") String email,
            @FormParam("name") String name,
            @FormParam("password") String password,
            @FormParam("passwordAgain") String passwordAgain) {
        viewer.requireCsrf(csrf);
        var missing = new LinkedHashMap<String, String>();
        if (email == null || email.isBlank()) {
            missing.put("email", "Enter your email address.");
        }
        if (password == null || password.isEmpty()) {
            missing.put("password", "Choose a password.");
        } else if (!password.equals(passwordAgain)) {
            missing.put("passwordAgain", "The two passwords are not the same.");
        }
        if (!missing.isEmpty()) {
            return Response.status(400)
                    .entity(page(email, name, FormErrors.of(missing)))
                    .build();
        }
        try {
            var accepted = access.anonymous(
                    CustomerAccess.USERS, () -> users.register(email.strip(), password, blankToNull(name)));
            viewer.flash(accepted == null ? null : accepted.message());
        } catch (Refused e) {
            return Response.status(e.status() == 429 ? 429 : 400)
                    .entity(page(email, name, refusal(e)))
                    .build();
        }
        return Response.seeOther(URI.create("/register/check-your-mail")).build();
    }

    @GET
    @Path("register/check-your-mail")
    public Response checkYourMail() {
        return Response.ok(AccountPages.registered(navigation.orEmpty(), viewer.takeFlash()))
                .build();
    }

    /** The mailed link. Shows a button; nothing is confirmed until the person presses it. */
    @GET
    @Path("verify-email")
    public Response confirmForm(@QueryParam("token") String token) {
        if (!plausibleToken(token)) {
            return Response.status(400)
                    .entity(AccountPages.verifyEmail(
                            navigation.orEmpty(),
                            viewer.getCsrf(),
                            null,
                            "This link is incomplete. Open the link from"
                                    + " the mail again, or copy the whole address into the browser."))
                    .build();
        }
        return Response.ok(AccountPages.verifyEmail(navigation.orEmpty(), viewer.getCsrf(), token, null))
                .build();
    }

    @POST
    @Path("verify-email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@FormParam("_csrf") String csrf, @FormParam("token") String token) {
        viewer.requireCsrf(csrf);
        if (!plausibleToken(token)) {
            throw ProblemException.badRequest("INVALID_TOKEN", "This verification link is invalid, used or expired.");
        }
        try {
            access.anonymous(CustomerAccess.USERS, () -> {
                users.verifyEmail(token);
                return null;
            });
        } catch (Refused e) {
            return Response.status(e.status() == 429 ? 429 : 400)
                    .entity(AccountPages.verifyEmail(navigation.orEmpty(), viewer.getCsrf(), null, e.getMessage()))
                    .build();
        }
        return Response.seeOther(URI.create("/verify-email/confirmed")).build();
    }

    @GET
    @Path("verify-email/confirmed")
    public Response confirmed() {
        return Response.ok(AccountPages.emailVerified(navigation.orEmpty())).build();
    }

    private TemplateInstance page(String email, String name, FormErrors errors) {
        return AccountPages.register(navigation.orEmpty(), viewer.getCsrf(), email, name, errors);
    }

    static FormErrors refusal(Refused e) {
        if (e.status() == 429) {
            return FormErrors.summary("Too many attempts from here. Wait a few minutes, then try again.");
        }
        return FormErrors.from(e, FIELDS);
    }

    static boolean plausibleToken(String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_TOKEN;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
