package com.scalecommerce.web.account;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalecommerce.web.account.AccountModels.Profile;
import com.scalecommerce.web.catalog.Navigation;
import com.scalecommerce.web.http.Refused;
import com.scalecommerce.web.session.Viewer;
import io.quarkus.arc.ClientProxy;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signed-in person's account: an overview, the profile form (users' merge patch: name, phone, marketing
 * consent; the email address is not editable there) and the password change (users ends the person's other
 * sessions; this one goes on).
 */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
public class AccountResource {

    private static final URI ACCOUNT = URI.create("/account");
    private static final Map<String, String> PROFILE_FIELDS =
            Map.of("name", "Name", "phone", "Phone", "marketingConsent", "The news choice");
    private static final Map<String, String> PASSWORD_FIELDS =
            Map.of("currentPassword", "The current password", "newPassword", "The new password");

    private final UsersCalls users;
    private final CustomerAccess access;
    private final Viewer viewer;
    private final Navigation navigation;

    AccountResource(UsersCalls users, CustomerAccess access, Viewer viewer, Navigation navigation) {
        this.users = users;
        this.access = access;
        this.viewer = viewer;
        this.navigation = navigation;
    }

    /**
     * On the event loop (ADR 0010): a signed-in shopper's most visited page after the catalog's, and its usual work,
     * one call to users and a cached category bar, does not block.
     */
    @GET
    @NonBlocking
    public Uni<Response> overview() {
        Viewer mine = ClientProxy.unwrap(viewer);
        return access.callSoon("/account", CustomerAccess.USERS, users::profile)
                .chain(profile -> navigation
                        .soon()
                        .map(nav -> Response.ok(AccountPages.overview(nav, profile, mine.takeFlash()))
                                .build()));
    }

    @GET
    @Path("profile")
    @RunOnVirtualThread
    public Response profileForm() {
        Profile profile = access.call(
                "/account/profile",
                CustomerAccess.USERS,
                // Bounded by UsersCalls' timeout and retry policy.
                bearer -> users.profile(bearer).await().indefinitely());
        var form = new ProfileForm(profile.email(), profile.name(), profile.phone(), profile.marketingConsent());
        return Response.ok(profilePage(form, FormErrors.NONE)).build();
    }

    @POST
    @Path("profile")
    @RunOnVirtualThread
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveProfile(
            @FormParam("_csrf") String csrf,
            @FormParam("name") String name,
            @FormParam("phone") String phone,
            @FormParam("marketingConsent") String marketingConsent) {
        access.requireSignIn("/account/profile", csrf);
        // A checkbox sends its value only when ticked; a blank field clears the value at users (explicit null).
        boolean consent = marketingConsent != null;
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        textOrNull(patch, "name", name);
        textOrNull(patch, "phone", phone);
        patch.put("marketingConsent", consent);
        try {
            access.call("/account/profile", CustomerAccess.USERS, bearer -> users.updateProfile(bearer, patch));
        } catch (Refused e) {
            var form = new ProfileForm(viewer.getEmail(), name, phone, consent);
            return Response.status(400)
                    .entity(profilePage(form, FormErrors.from(e, PROFILE_FIELDS)))
                    .build();
        }
        viewer.flash("Your profile is saved.");
        return Response.seeOther(ACCOUNT).build();
    }

    @GET
    @Path("password")
    @RunOnVirtualThread
    public Response passwordForm() {
        access.requireSignIn("/account/password");
        return Response.ok(passwordPage(FormErrors.NONE)).build();
    }

    @POST
    @Path("password")
    @RunOnVirtualThread
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(
            @FormParam("_csrf") String csrf,
            @FormParam("currentPassword") String currentPassword,
            @FormParam("newPassword") String newPassword,
            @FormParam("newPasswordAgain") String newPasswordAgain) {
        access.requireSignIn("/account/password", csrf);
        var wrong = new LinkedHashMap<String, String>();
        if (currentPassword == null || currentPassword.isEmpty()) {
            wrong.put("currentPassword", "Enter your current password.");
        }
        if (newPassword == null || newPassword.isEmpty()) {
            wrong.put("newPassword", "Choose a new password.");
        } else if (!newPassword.equals(newPasswordAgain)) {
            wrong.put("newPasswordAgain", "The two new passwords are not the same.");
        }
        if (!wrong.isEmpty()) {
            return Response.status(400)
                    .entity(passwordPage(FormErrors.of(wrong)))
                    .build();
        }
        try {
            access.run(
                    "/account/password",
                    CustomerAccess.USERS,
                    bearer -> users.changePassword(bearer, currentPassword, newPassword));
        } catch (Refused e) {
            FormErrors errors = e.status() == 429
                    ? FormErrors.summary("Too many attempts. Wait a few minutes, then try again.")
                    : FormErrors.from(e, PASSWORD_FIELDS);
            return Response.status(e.status() == 429 ? 429 : 400)
                    .entity(passwordPage(errors))
                    .build();
        }
        viewer.flash("Your password is changed. Your other devices have been signed out.");
        return Response.seeOther(ACCOUNT).build();
    }

    private TemplateInstance profilePage(ProfileForm form, FormErrors errors) {
        return AccountPages.profile(navigation.orEmpty(), viewer.getCsrf(), form, errors);
    }

    private TemplateInstance passwordPage(FormErrors errors) {
        return AccountPages.password(navigation.orEmpty(), viewer.getCsrf(), errors);
    }

    private static void textOrNull(ObjectNode patch, String field, String value) {
        if (value == null || value.isBlank()) {
            patch.putNull(field);
        } else {
            patch.put(field, value.strip());
        }
    }

    /** The profile form's values: users' answer, or what the person sent when users refused it. */
    public record ProfileForm(String email, String name, String phone, boolean marketingConsent) {}
}
