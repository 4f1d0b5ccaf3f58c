package com.scalecommerce.web.admin.settings;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.WebConfig;
import com.scalecommerce.web.admin.AdminAccess;
import com.scalecommerce.web.admin.forms.FormProblem;
import com.scalecommerce.web.admin.forms.FormValues;
import com.scalecommerce.web.admin.forms.ServiceCalls;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.Discount;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.DiscountInput;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.Method;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.TaxRate;
import com.scalecommerce.web.admin.settings.PricingSettingsApi.Zone;
import com.scalecommerce.web.admin.settings.SettingsForms.DiscountForm;
import com.scalecommerce.web.admin.settings.SettingsForms.MethodForm;
import com.scalecommerce.web.admin.settings.SettingsForms.TaxRateForm;
import com.scalecommerce.web.admin.settings.SettingsForms.ZoneForm;
import com.scalecommerce.web.http.Refused;
import com.scalecommerce.web.session.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;

/**
 * What orders prices a cart with: shipping zones (countries or regions) and their methods, tax rates, discount
 * codes. One overview page, a form page per thing; every change a CSRF-checked POST answered 303, orders'
 * refusals shown on the form with what the admin typed.
 */
@Path("/admin/settings")
@RunOnVirtualThread
@Produces(MediaType.TEXT_HTML)
public class AdminSettingsResource {

    private static final String HOME = "/admin/settings";
    private static final String DOWN_CODE = "ORDERS_UNAVAILABLE";
    private static final String DOWN =
            "Shipping, tax and discount settings cannot be reached right now. Nothing was changed; try again in a moment.";

    private final PricingSettingsReads orders;
    private final PricingSettingsChanges settingChanges;
    private final AdminAccess access;
    private final Viewer viewer;
    private final WebConfig config;

    AdminSettingsResource(
            PricingSettingsReads orders,
            PricingSettingsChanges settingChanges,
            AdminAccess access,
            Viewer viewer,
            WebConfig config) {
        this.orders = orders;
        this.settingChanges = settingChanges;
        this.access = access;
        this.viewer = viewer;
        this.config = config;
    }

    @CheckedTemplate(basePath = "admin/settings")
    static class Templates {
        static native TemplateInstance overview(OverviewView view);

        static native TemplateInstance zone(ZoneView view);

        static native TemplateInstance taxRate(TaxRateView view);

        static native TemplateInstance discount(DiscountView view);
    }

    record OverviewView(
            String csrf,
            List<Zone> zones,
            List<TaxRate> taxRates,
            List<Discount> discounts,
            boolean truncated,
            String flash,
            FormProblem problem) {}

    /**
     * A zone's page: {@code zone} is null for a new zone. {@code methodForms} hold each method's values, or what
     * was typed into the one that was not accepted ({@code keptMethod}).
     */
    record ZoneView(
            String csrf,
            Zone zone,
            ZoneForm form,
            List<MethodRow> methods,
            MethodForm newMethod,
            String flash,
            FormProblem problem) {}

    record MethodRow(Method method, MethodForm form) {}

    record TaxRateView(String csrf, UUID id, TaxRateForm form, FormProblem problem) {}

    record DiscountView(String csrf, Discount discount, DiscountForm form, FormProblem problem) {}

    @GET
    public TemplateInstance overview() {
        String bearer = access.requireAdmin(HOME);
        return overviewPage(bearer, viewer.takeFlash(), null);
    }

    // --- Shipping zones and their methods ---

    @GET
    @Path("zones/new")
    public TemplateInstance newZone() {
        access.requireAdmin(HOME + "/zones/new");
        return Templates.zone(
                new ZoneView(viewer.getCsrf(), null, ZoneForm.blank(), List.of(), MethodForm.blank(), null, null));
    }

    @POST
    @Path("zones")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createZone(@RestForm("_csrf") String csrf, @BeanParam ZoneForm form) {
        String bearer = access.requireAdmin(HOME + "/zones/new", csrf);
        try {
            Zone zone = change(() -> settingChanges.createZone(bearer, form.toInput()));
            viewer.flash("Zone \u201c" + zone.name() + "\u201d created. Add its shipping methods below.");
            return seeOther(zoneUrl(zone.id()));
        } catch (Refused e) {
            return Response.status(e.status())
                    .entity(Templates.zone(new ZoneView(
                            viewer.getCsrf(), null, form, List.of(), MethodForm.blank(), null, FormProblem.of(e))))
                    .build();
        }
    }

    @GET
    @Path("zones/{id}")
    public TemplateInstance zone(@PathParam("id") String id) {
        UUID zoneId = uuid(id);
        String bearer = access.requireAdmin(zoneUrl(zoneId));
        return zonePage(bearer, zoneId, null, null, null, null, viewer.takeFlash(), null);
    }

    @POST
    @Path("zones/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replaceZone(@PathParam("id") String id, @RestForm("_csrf") String csrf, @BeanParam ZoneForm form) {
        UUID zoneId = uuid(id);
        String bearer = access.requireAdmin(zoneUrl(zoneId), csrf);
        try {
            change(() -> settingChanges.replaceZone(bearer, zoneId, form.toInput()));
            viewer.flash("Zone saved.");
            return seeOther(zoneUrl(zoneId));
        } catch (Refused e) {
            return refusedZone(bearer, zoneId, form, null, null, null, FormProblem.of(e));
        }
    }

    @POST
    @Path("zones/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteZone(@PathParam("id") String id, @RestForm("_csrf") String csrf) {
        UUID zoneId = uuid(id);
        String bearer = access.requireAdmin(zoneUrl(zoneId), csrf);
        try {
            change(() -> {
                settingChanges.deleteZone(bearer, zoneId);
                return null;
            });
            viewer.flash("Zone deleted.");
            return seeOther(HOME);
        } catch (Refused e) {
            return refusedZone(bearer, zoneId, null, null, null, null, FormProblem.of(e));
        }
    }

    @POST
    @Path("zones/{id}/methods")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMethod(@PathParam("id") String id, @RestForm("_csrf") String csrf, @BeanParam MethodForm form) {
        UUID zoneId = uuid(id);
        String bearer = access.requireAdmin(zoneUrl(zoneId), csrf);
        var values = new FormValues();
        var input = form.toInput(values);
        if (!values.valid()) {
            return refusedZone(bearer, zoneId, null, form, null, null, FormProblem.invalid(values.errors()));
        }
        try {
            change(() -> settingChanges.addMethod(bearer, zoneId, input));
            viewer.flash("Shipping method \u201c" + input.name() + "\u201d added.");
            return seeOther(zoneUrl(zoneId));
        } catch (Refused e) {
            return refusedZone(bearer, zoneId, null, form, null, null, FormProblem.of(e));
        }
    }

    @POST
    @Path("zones/{id}/methods/{methodId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replaceMethod(
            @PathParam("id") String id,
            @PathParam("methodId") String methodId,
            @RestForm("_csrf") String csrf,
            @BeanParam MethodForm form) {
        UUID zoneId = uuid(id);
        UUID method = uuid(methodId);
        String bearer = access.requireAdmin(zoneUrl(zoneId), csrf);
        var values = new FormValues();
        var input = form.toInput(values);
        if (!values.valid()) {
            return refusedZone(bearer, zoneId, null, null, method, form, FormProblem.invalid(values.errors()));
        }
        try {
            change(() -> settingChanges.replaceMethod(bearer, zoneId, method, input));
            viewer.flash("Shipping method \u201c" + input.name() + "\u201d saved.");
            return seeOther(zoneUrl(zoneId));
        } catch (Refused e) {
            return refusedZone(bearer, zoneId, null, null, method, form, FormProblem.of(e));
        }
    }

    @POST
    @Path("zones/{id}/methods/{methodId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteMethod(
            @PathParam("id") String id, @PathParam("methodId") String methodId, @RestForm("_csrf") String csrf) {
        UUID zoneId = uuid(id);
        UUID method = uuid(methodId);
        String bearer = access.requireAdmin(zoneUrl(zoneId), csrf);
        try {
            change(() -> {
                settingChanges.deleteMethod(bearer, zoneId, method);
                return null;
            });
            viewer.flash("Shipping method deleted.");
            return seeOther(zoneUrl(zoneId));
        } catch (Refused e) {
            return refusedZone(bearer, zoneId, null, null, null, null, FormProblem.of(e));
        }
    }

    // --- Tax rates ---

    @GET
    @Path("tax-rates/new")
    public TemplateInstance newTaxRate() {
        access.requireAdmin(HOME + "/tax-rates/new");
        return Templates.taxRate(new TaxRateView(viewer.getCsrf(), null, TaxRateForm.blank(), null));
    }

    @POST
    @Path("tax-rates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createTaxRate(@RestForm("_csrf") String csrf, @BeanParam TaxRateForm form) {
        String bearer = access.requireAdmin(HOME + "/tax-rates/new", csrf);
        var values = new FormValues();
        var input = form.toInput(values);
        if (!values.valid()) {
            return refusedTaxRate(null, form, FormProblem.invalid(values.errors()));
        }
        return saveTaxRate(null, form, () -> settingChanges.createTaxRate(bearer, input));
    }

    @GET
    @Path("tax-rates/{id}")
    public TemplateInstance taxRate(@PathParam("id") String id) {
        UUID rateId = uuid(id);
        String bearer = access.requireAdmin(HOME + "/tax-rates/" + rateId);
        TaxRate rate = read(() -> orders.taxRate(bearer, rateId));
        return Templates.taxRate(new TaxRateView(viewer.getCsrf(), rateId, TaxRateForm.of(rate), null));
    }

    @POST
    @Path("tax-rates/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replaceTaxRate(
            @PathParam("id") String id, @RestForm("_csrf") String csrf, @BeanParam TaxRateForm form) {
        UUID rateId = uuid(id);
        String bearer = access.requireAdmin(HOME + "/tax-rates/" + rateId, csrf);
        var values = new FormValues();
        var input = form.toInput(values);
        if (!values.valid()) {
            return refusedTaxRate(rateId, form, FormProblem.invalid(values.errors()));
        }
        return saveTaxRate(rateId, form, () -> settingChanges.replaceTaxRate(bearer, rateId, input));
    }

    @POST
    @Path("tax-rates/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteTaxRate(@PathParam("id") String id, @RestForm("_csrf") String csrf) {
        UUID rateId = uuid(id);
        String bearer = access.requireAdmin(HOME, csrf);
        return delete(bearer, () -> settingChanges.deleteTaxRate(bearer, rateId), "Tax rate deleted.");
    }

    // --- Discount codes ---

    @GET
    @Path("discounts/new")
    public TemplateInstance newDiscount() {
        access.requireAdmin(HOME + "/discounts/new");
        return Templates.discount(new DiscountView(viewer.getCsrf(), null, DiscountForm.blank(), null));
    }

    @POST
    @Path("discounts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createDiscount(@RestForm("_csrf") String csrf, @BeanParam DiscountForm form) {
        String bearer = access.requireAdmin(HOME + "/discounts/new", csrf);
        var values = new FormValues();
        var input = form.toInput(values);
        if (!values.valid()) {
            return refusedDiscount(null, form, FormProblem.invalid(values.errors()));
        }
        return saveDiscount(null, form, () -> settingChanges.createDiscount(bearer, input));
    }

    @GET
    @Path("discounts/{id}")
    public TemplateInstance discount(@PathParam("id") String id) {
        UUID discountId = uuid(id);
        String bearer = access.requireAdmin(HOME + "/discounts/" + discountId);
        Discount discount = read(() -> orders.discount(bearer, discountId));
        return Templates.discount(new DiscountView(viewer.getCsrf(), discount, DiscountForm.of(discount), null));
    }

    @POST
    @Path("discounts/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replaceDiscount(
            @PathParam("id") String id, @RestForm("_csrf") String csrf, @BeanParam DiscountForm form) {
        UUID discountId = uuid(id);
        String bearer = access.requireAdmin(HOME + "/discounts/" + discountId, csrf);
        Discount current = read(() -> orders.discount(bearer, discountId));
        var values = new FormValues();
        var input = form.toInput(values);
        if (!values.valid()) {
            return refusedDiscount(current, form, FormProblem.invalid(values.errors()));
        }
        return saveDiscount(current, form, () -> settingChanges.replaceDiscount(bearer, discountId, input));
    }

    /** Deactivating keeps the code and its redemptions (orders refuses to delete a code that was used). */
    @POST
    @Path("discounts/{id}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deactivateDiscount(@PathParam("id") String id, @RestForm("_csrf") String csrf) {
        UUID discountId = uuid(id);
        String bearer = access.requireAdmin(HOME, csrf);
        Discount current = read(() -> orders.discount(bearer, discountId));
        try {
            change(() -> settingChanges.replaceDiscount(bearer, discountId, DiscountInput.of(current, false)));
            viewer.flash("Code " + current.code() + " deactivated: it no longer applies to carts.");
            return seeOther(HOME);
        } catch (Refused e) {
            return Response.status(e.status())
                    .entity(overviewPage(bearer, null, FormProblem.of(e)))
                    .build();
        }
    }

    @POST
    @Path("discounts/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteDiscount(@PathParam("id") String id, @RestForm("_csrf") String csrf) {
        UUID discountId = uuid(id);
        String bearer = access.requireAdmin(HOME, csrf);
        return delete(bearer, () -> settingChanges.deleteDiscount(bearer, discountId), "Discount code deleted.");
    }

    // --- Shared ---

    private Response saveTaxRate(UUID id, TaxRateForm form, Supplier<TaxRate> call) {
        try {
            TaxRate rate = change(call);
            viewer.flash("Tax rate \u201c" + rate.name() + "\u201d saved.");
            return seeOther(HOME);
        } catch (Refused e) {
            return refusedTaxRate(id, form, FormProblem.of(e));
        }
    }

    private Response refusedTaxRate(UUID id, TaxRateForm form, FormProblem problem) {
        return Response.status(problem.status())
                .entity(Templates.taxRate(new TaxRateView(viewer.getCsrf(), id, form, problem)))
                .build();
    }

    private Response saveDiscount(Discount current, DiscountForm form, Supplier<Discount> call) {
        try {
            Discount saved = change(call);
            viewer.flash("Discount code " + saved.code() + " saved.");
            return seeOther(HOME);
        } catch (Refused e) {
            return refusedDiscount(current, form, FormProblem.of(e));
        }
    }

    private Response refusedDiscount(Discount current, DiscountForm form, FormProblem problem) {
        return Response.status(problem.status())
                .entity(Templates.discount(new DiscountView(viewer.getCsrf(), current, form, problem)))
                .build();
    }

    private Response delete(String bearer, Runnable call, String notice) {
        try {
            change(() -> {
                call.run();
                return null;
            });
            viewer.flash(notice);
            return seeOther(HOME);
        } catch (Refused e) {
            return Response.status(e.status())
                    .entity(overviewPage(bearer, null, FormProblem.of(e)))
                    .build();
        }
    }

    private Response refusedZone(
            String bearer,
            UUID zoneId,
            ZoneForm zoneForm,
            MethodForm newMethod,
            UUID keptMethodId,
            MethodForm keptMethod,
            FormProblem problem) {
        return Response.status(problem.status())
                .entity(zonePage(bearer, zoneId, zoneForm, newMethod, keptMethodId, keptMethod, null, problem))
                .build();
    }

    private TemplateInstance zonePage(
            String bearer,
            UUID zoneId,
            ZoneForm zoneForm,
            MethodForm newMethod,
            UUID keptMethodId,
            MethodForm keptMethod,
            String flash,
            FormProblem problem) {
        Zone zone = read(() -> orders.zone(bearer, zoneId));
        List<MethodRow> methods = (zone.methods() == null ? List.<Method>of() : zone.methods())
                .stream()
                        .map(m -> new MethodRow(m, m.id().equals(keptMethodId) ? keptMethod : MethodForm.of(m)))
                        .toList();
        return Templates.zone(new ZoneView(
                viewer.getCsrf(),
                zone,
                zoneForm == null ? ZoneForm.of(zone) : zoneForm,
                methods,
                newMethod == null ? MethodForm.blank() : newMethod,
                flash,
                problem));
    }

    private TemplateInstance overviewPage(String bearer, String flash, FormProblem problem) {
        var zones = read(() -> orders.zones(bearer));
        var rates = read(() -> orders.taxRates(bearer));
        var discounts = read(() -> orders.discounts(bearer));
        boolean truncated = zones.nextCursor() != null || rates.nextCursor() != null || discounts.nextCursor() != null;
        return Templates.overview(new OverviewView(
                viewer.getCsrf(), zones.items(), rates.items(), discounts.items(), truncated, flash, problem));
    }

    private <T> T read(Supplier<T> call) {
        return ServiceCalls.page(call, DOWN_CODE, DOWN, config.retryAfterSeconds());
    }

    private <T> T change(Supplier<T> call) {
        return ServiceCalls.answered(call, DOWN_CODE, DOWN, config.retryAfterSeconds());
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    private static String zoneUrl(UUID id) {
        return HOME + "/zones/" + id;
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("NOT_FOUND", "We could not find that page.");
        }
    }
}
