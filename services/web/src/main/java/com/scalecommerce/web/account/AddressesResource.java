package com.scalecommerce.web.account;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.account.AccountModels.Address;
import com.scalecommerce.web.account.AccountModels.AddressInput;
import com.scalecommerce.web.catalog.Navigation;
import com.scalecommerce.web.http.Refused;
import com.scalecommerce.web.session.Viewer;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The address book at users: list, add, edit, delete, and "use as default" for shipping or billing. Users owns
 * the rules (the first address becomes both defaults, a default moves rather than disappears, deleting a default
 * hands it to the oldest remaining address, at most 50 addresses); these pages post forms and show its answers.
 */
@Path("/account/addresses")
@RunOnVirtualThread
@Produces(MediaType.TEXT_HTML)
public class AddressesResource {

    private static final String HERE = "/account/addresses";
    private static final URI LIST = URI.create(HERE);

    private final UsersCalls users;
    private final CustomerAccess access;
    private final Viewer viewer;
    private final Navigation navigation;

    AddressesResource(UsersCalls users, CustomerAccess access, Viewer viewer, Navigation navigation) {
        this.users = users;
        this.access = access;
        this.viewer = viewer;
        this.navigation = navigation;
    }

    @GET
    public Response list() {
        List<Address> addresses = access.call(HERE, CustomerAccess.USERS, users::addresses);
        return Response.ok(
                        AccountPages.addresses(navigation.orEmpty(), viewer.getCsrf(), addresses, viewer.takeFlash()))
                .build();
    }

    @GET
    @Path("new")
    public Response newForm() {
        access.requireSignIn(HERE + "/new");
        return Response.ok(formPage(AddressForm.adding(AddressForm.empty(), FormErrors.NONE)))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@FormParam("_csrf") String csrf, @BeanParam AddressFields fields) {
        access.requireSignIn(HERE, csrf);
        AddressInput input = fields.input();
        FormErrors missing = fields.missing();
        if (missing != null) {
            return Response.status(400)
                    .entity(formPage(AddressForm.adding(input, missing)))
                    .build();
        }
        try {
            access.call(HERE, CustomerAccess.USERS, bearer -> users.addAddress(bearer, input));
        } catch (Refused e) {
            return Response.status(e.status() == 409 ? 409 : 400)
                    .entity(formPage(AddressForm.adding(input, FormErrors.from(e, AddressForm.FIELDS))))
                    .build();
        }
        viewer.flash("The address is added.");
        return Response.seeOther(LIST).build();
    }

    @GET
    @Path("{id}/edit")
    public Response editForm(@PathParam("id") String id) {
        UUID addressId = addressId(id);
        Address current = read(addressId);
        return Response.ok(formPage(AddressForm.editing(
                        current,
                        current.asInput(current.defaultShipping(), current.defaultBilling()),
                        FormErrors.NONE)))
                .build();
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replace(
            @PathParam("id") String id, @FormParam("_csrf") String csrf, @BeanParam AddressFields fields) {
        access.requireSignIn(HERE, csrf);
        UUID addressId = addressId(id);
        AddressInput input = fields.input();
        FormErrors missing = fields.missing();
        if (missing != null) {
            return Response.status(400)
                    .entity(formPage(AddressForm.editing(read(addressId), input, missing)))
                    .build();
        }
        try {
            access.call(HERE, CustomerAccess.USERS, bearer -> users.replaceAddress(bearer, addressId, input));
        } catch (Refused e) {
            if (e.status() == 404) {
                throw notFound();
            }
            return Response.status(400)
                    .entity(formPage(
                            AddressForm.editing(read(addressId), input, FormErrors.from(e, AddressForm.FIELDS))))
                    .build();
        }
        viewer.flash("The address is saved.");
        return Response.seeOther(LIST).build();
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") String id, @FormParam("_csrf") String csrf) {
        access.requireSignIn(HERE, csrf);
        UUID addressId = addressId(id);
        try {
            access.run(HERE, CustomerAccess.USERS, bearer -> users.removeAddress(bearer, addressId));
            viewer.flash("The address is deleted.");
        } catch (Refused e) {
            // Already gone (deleted in another tab): the list shows the truth.
            viewer.flash(e.getMessage());
        }
        return Response.seeOther(LIST).build();
    }

    /** {@code use}: "shipping" or "billing". Users moves the flag from the address that had it. */
    @POST
    @Path("{id}/default")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response makeDefault(
            @PathParam("id") String id, @FormParam("_csrf") String csrf, @FormParam("use") String use) {
        access.requireSignIn(HERE, csrf);
        UUID addressId = addressId(id);
        if (!"shipping".equals(use) && !"billing".equals(use)) {
            throw ProblemException.badRequest("VALIDATION_FAILED", "Choose shipping or billing.");
        }
        try {
            // Users replaces an address as a whole: the current one goes back with the flag asked for.
            Address current = access.call(HERE, CustomerAccess.USERS, bearer -> users.address(bearer, addressId));
            AddressInput input = current.asInput("shipping".equals(use), "billing".equals(use));
            access.call(HERE, CustomerAccess.USERS, bearer -> users.replaceAddress(bearer, addressId, input));
            viewer.flash(
                    "shipping".equals(use)
                            ? "This is now your default shipping address."
                            : "This is now your default billing address.");
        } catch (Refused e) {
            viewer.flash(e.getMessage());
        }
        return Response.seeOther(LIST).build();
    }

    private Address read(UUID addressId) {
        try {
            return access.call(HERE, CustomerAccess.USERS, bearer -> users.address(bearer, addressId));
        } catch (Refused e) {
            throw notFound();
        }
    }

    private TemplateInstance formPage(AddressForm form) {
        return AccountPages.addressForm(navigation.orEmpty(), viewer.getCsrf(), form);
    }

    private static UUID addressId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("ADDRESS_NOT_FOUND", "No such address in your address book.");
    }

    /** The address form's fields as posted. */
    public static class AddressFields {
        @FormParam("label")
        String label;

        @FormParam("recipientName")
        String recipientName;

        @FormParam("company")
        String company;

        @FormParam("line1")
        String line1;

        @FormParam("line2")
        String line2;

        @FormParam("city")
        String city;

        @FormParam("region")
        String region;

        @FormParam("postalCode")
        String postalCode;

        @FormParam("country")
        String country;

        @FormParam("phone")
        String phone;

        @FormParam("defaultShipping")
        String defaultShipping;

        @FormParam("defaultBilling")
        String defaultBilling;

        AddressInput input() {
            return new AddressInput(
                    trim(label),
                    trim(recipientName),
                    trim(company),
                    trim(line1),
                    trim(line2),
                    trim(city),
                    trim(region),
                    trim(postalCode),
                    country == null ? null : country.strip().toUpperCase(Locale.ROOT),
                    trim(phone),
                    defaultShipping != null,
                    defaultBilling != null);
        }

        /** The required fields, checked here so a half-filled form does not cost a call. */
        FormErrors missing() {
            var missing = new java.util.LinkedHashMap<String, String>();
            require(missing, "recipientName", recipientName, "Enter the name of the recipient.");
            require(missing, "line1", line1, "Enter the street and number.");
            require(missing, "city", city, "Enter the city.");
            require(missing, "postalCode", postalCode, "Enter the postal code.");
            String code = country == null ? null : country.strip().toUpperCase(Locale.ROOT);
            if (!AddressForm.isCountry(code)) {
                missing.put("country", "Choose a country.");
            }
            return missing.isEmpty() ? null : FormErrors.of(Map.copyOf(missing));
        }

        private static void require(Map<String, String> missing, String field, String value, String message) {
            if (value == null || value.isBlank()) {
                missing.put(field, message);
            }
        }

        private static String trim(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
