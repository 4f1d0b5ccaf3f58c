package com.scalecommerce.web.admin.merchandising;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.WebConfig;
import com.scalecommerce.web.admin.AdminAccess;
import com.scalecommerce.web.admin.forms.FormProblem;
import com.scalecommerce.web.admin.forms.FormValues;
import com.scalecommerce.web.admin.forms.ServiceCalls;
import com.scalecommerce.web.admin.merchandising.MerchandisingApi.Banner;
import com.scalecommerce.web.admin.merchandising.MerchandisingApi.BannerInput;
import com.scalecommerce.web.admin.merchandising.MerchandisingApi.Featured;
import com.scalecommerce.web.admin.products.CatalogAdminModels.ProductSummary;
import com.scalecommerce.web.admin.products.CatalogAdminReads;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The home page's merchandising: banners with a schedule window (create, edit, delete) and the featured products
 * in their order (add by id, slug, SKU or name; remove; move up). Products keeps both and refreshes its cached
 * home page on every change.
 */
@Path("/admin/merchandising")
@RunOnVirtualThread
@Produces(MediaType.TEXT_HTML)
public class AdminMerchandisingResource {

    private static final String HOME = "/admin/merchandising";
    private static final String DOWN_CODE = "PRODUCTS_UNAVAILABLE";
    private static final String DOWN =
            "Banners and featured products cannot be reached right now. Nothing was changed; try again in a moment.";

    private final MerchandisingReads merchandising;
    private final MerchandisingChanges merchandisingChanges;
    private final CatalogAdminReads catalog;
    private final AdminAccess access;
    private final Viewer viewer;
    private final WebConfig config;

    AdminMerchandisingResource(
            MerchandisingReads merchandising,
            MerchandisingChanges merchandisingChanges,
            CatalogAdminReads catalog,
            AdminAccess access,
            Viewer viewer,
            WebConfig config) {
        this.merchandising = merchandising;
        this.merchandisingChanges = merchandisingChanges;
        this.catalog = catalog;
        this.access = access;
        this.viewer = viewer;
        this.config = config;
    }

    @CheckedTemplate(basePath = "admin/merchandising")
    static class Templates {
        static native TemplateInstance overview(OverviewView view);

        static native TemplateInstance banner(BannerView view);
    }

    record OverviewView(
            String csrf,
            List<BannerRow> banners,
            List<FeaturedRow> featured,
            String product,
            String flash,
            FormProblem problem) {}

    record BannerRow(Banner banner, String state) {}

    /** A featured product; {@code name} is null when products no longer knows the id. */
    record FeaturedRow(UUID id, String name, String status) {}

    /** {@code id} is null for a new banner. */
    record BannerView(String csrf, UUID id, BannerForm form, String imagePreview, FormProblem problem) {}

    @GET
    public TemplateInstance overview() {
        String bearer = access.requireAdmin(HOME);
        return overviewPage(bearer, null, viewer.takeFlash(), null);
    }

    @GET
    @Path("banners/new")
    public TemplateInstance newBanner() {
        access.requireAdmin(HOME + "/banners/new");
        return Templates.banner(new BannerView(viewer.getCsrf(), null, BannerForm.blank(), null, null));
    }

    @POST
    @Path("banners")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createBanner(@RestForm("_csrf") String csrf, @BeanParam BannerForm form) {
        String bearer = access.requireAdmin(HOME + "/banners/new", csrf);
        var values = new FormValues();
        BannerInput input = form.toInput(values);
        if (!values.valid()) {
            return refusedBanner(null, form, FormProblem.invalid(values.errors()));
        }
        try {
            change(() -> merchandisingChanges.createBanner(bearer, input));
            viewer.flash("Banner \u201c" + input.headline() + "\u201d created.");
            return seeOther(HOME);
        } catch (Refused e) {
            return refusedBanner(null, form, FormProblem.of(e));
        }
    }

    @GET
    @Path("banners/{id}")
    public TemplateInstance banner(@PathParam("id") String id) {
        UUID bannerId = uuid(id);
        String bearer = access.requireAdmin(HOME + "/banners/" + bannerId);
        Banner banner = read(() -> merchandising.banner(bearer, bannerId));
        return Templates.banner(
                new BannerView(viewer.getCsrf(), bannerId, BannerForm.of(banner), banner.imageUrl(), null));
    }

    @POST
    @Path("banners/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replaceBanner(
            @PathParam("id") String id, @RestForm("_csrf") String csrf, @BeanParam BannerForm form) {
        UUID bannerId = uuid(id);
        String bearer = access.requireAdmin(HOME + "/banners/" + bannerId, csrf);
        var values = new FormValues();
        BannerInput input = form.toInput(values);
        if (!values.valid()) {
            return refusedBanner(bannerId, form, FormProblem.invalid(values.errors()));
        }
        try {
            change(() -> merchandisingChanges.replaceBanner(bearer, bannerId, input));
            viewer.flash("Banner \u201c" + input.headline() + "\u201d saved.");
            return seeOther(HOME);
        } catch (Refused e) {
            return refusedBanner(bannerId, form, FormProblem.of(e));
        }
    }

    @POST
    @Path("banners/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteBanner(@PathParam("id") String id, @RestForm("_csrf") String csrf) {
        UUID bannerId = uuid(id);
        String bearer = access.requireAdmin(HOME, csrf);
        try {
            change(() -> {
                merchandisingChanges.deleteBanner(bearer, bannerId);
                return null;
            });
            viewer.flash("Banner deleted.");
            return seeOther(HOME);
        } catch (Refused e) {
            return refusedOverview(bearer, null, FormProblem.of(e));
        }
    }

    /**
     * Adds a product at the end of the featured list: {@code productId} from a product's page, or
     * {@code product} typed here (an id, a slug, a SKU or a name that matches exactly one product).
     */
    @POST
    @Path("featured")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response feature(
            @RestForm("_csrf") String csrf,
            @RestForm("productId") String productId,
            @RestForm("product") String product) {
        String bearer = access.requireAdmin(HOME, csrf);
        UUID id;
        try {
            id = productId != null ? uuid(productId) : find(bearer, product);
        } catch (Refused e) {
            return refusedOverview(bearer, product, FormProblem.of(e));
        }
        List<UUID> ids = new ArrayList<>(currentFeatured(bearer));
        if (ids.contains(id)) {
            viewer.flash("That product is already featured.");
            return seeOther(HOME);
        }
        ids.add(id);
        return replaceFeatured(bearer, ids, "Featured on the home page.", product);
    }

    @POST
    @Path("featured/{productId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unfeature(@PathParam("productId") String productId, @RestForm("_csrf") String csrf) {
        UUID id = uuid(productId);
        String bearer = access.requireAdmin(HOME, csrf);
        List<UUID> ids = new ArrayList<>(currentFeatured(bearer));
        ids.remove(id);
        return replaceFeatured(bearer, ids, "No longer featured.", null);
    }

    /** Moves a featured product one place earlier on the home page. */
    @POST
    @Path("featured/{productId}/up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response moveUp(@PathParam("productId") String productId, @RestForm("_csrf") String csrf) {
        UUID id = uuid(productId);
        String bearer = access.requireAdmin(HOME, csrf);
        List<UUID> ids = new ArrayList<>(currentFeatured(bearer));
        int at = ids.indexOf(id);
        if (at > 0) {
            ids.set(at, ids.get(at - 1));
            ids.set(at - 1, id);
        }
        return replaceFeatured(bearer, ids, "Order saved.", null);
    }

    private Response replaceFeatured(String bearer, List<UUID> ids, String notice, String typed) {
        try {
            change(() -> merchandisingChanges.replaceFeatured(bearer, new Featured(ids)));
            viewer.flash(notice);
            return seeOther(HOME);
        } catch (Refused e) {
            return refusedOverview(bearer, typed, FormProblem.of(e));
        }
    }

    /** The one product the admin meant, or a refusal that says why none could be chosen. */
    private UUID find(String bearer, String typed) {
        String wanted = FormValues.text(typed);
        if (wanted == null) {
            throw new Refused(400, "VALIDATION_FAILED", "Enter a product's name, slug or SKU.");
        }
        try {
            return UUID.fromString(wanted);
        } catch (IllegalArgumentException notAnId) {
            // A name, a slug or a SKU: products' admin search matches all three.
        }
        List<ProductSummary> matches =
                read(() -> catalog.products(bearer, wanted, null, null, 10)).items();
        var exact = matches.stream()
                .filter(p -> p.slug().equals(wanted) || p.name().equalsIgnoreCase(wanted))
                .toList();
        if (exact.size() == 1) {
            return exact.getFirst().id();
        }
        if (matches.size() == 1) {
            return matches.getFirst().id();
        }
        throw new Refused(
                400,
                "VALIDATION_FAILED",
                matches.isEmpty()
                        ? "No product matches \u201c" + wanted + "\u201d."
                        : matches.size() + " products match \u201c" + wanted
                                + "\u201d: type the slug or SKU of the one you mean.");
    }

    private List<UUID> currentFeatured(String bearer) {
        Featured featured = read(() -> merchandising.featured(bearer));
        return featured.productIds() == null ? List.of() : featured.productIds();
    }

    private Response refusedBanner(UUID id, BannerForm form, FormProblem problem) {
        return Response.status(problem.status())
                .entity(Templates.banner(new BannerView(viewer.getCsrf(), id, form, null, problem)))
                .build();
    }

    private Response refusedOverview(String bearer, String product, FormProblem problem) {
        return Response.status(problem.status())
                .entity(overviewPage(bearer, product, null, problem))
                .build();
    }

    private TemplateInstance overviewPage(String bearer, String product, String flash, FormProblem problem) {
        Instant now = Instant.now();
        List<BannerRow> banners = read(() -> merchandising.banners(bearer, null, null)).items().stream()
                .map(b -> new BannerRow(b, b.state(now)))
                .toList();
        List<FeaturedRow> featured = currentFeatured(bearer).stream()
                .map(id -> featuredRow(bearer, id))
                .toList();
        return Templates.overview(new OverviewView(viewer.getCsrf(), banners, featured, product, flash, problem));
    }

    /** A featured id with its product's name; the list is short (products caps it), one read per product. */
    private FeaturedRow featuredRow(String bearer, UUID id) {
        try {
            var product = read(() -> catalog.product(bearer, id));
            return new FeaturedRow(id, product.name(), product.status());
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return new FeaturedRow(id, null, null);
            }
            throw e;
        }
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

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("NOT_FOUND", "We could not find that page.");
        }
    }
}
