package com.scalecommerce.web.admin.products;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.WebConfig;
import com.scalecommerce.web.admin.AdminAccess;
import com.scalecommerce.web.admin.forms.FormProblem;
import com.scalecommerce.web.admin.forms.FormValues;
import com.scalecommerce.web.admin.forms.ServiceCalls;
import com.scalecommerce.web.admin.products.AdminProductPages.CategoriesView;
import com.scalecommerce.web.admin.products.AdminProductPages.CreateView;
import com.scalecommerce.web.admin.products.AdminProductPages.EditView;
import com.scalecommerce.web.admin.products.AdminProductPages.ListView;
import com.scalecommerce.web.admin.products.AdminProductPages.VariantRow;
import com.scalecommerce.web.admin.products.CatalogAdminModels.BrandRef;
import com.scalecommerce.web.admin.products.CatalogAdminModels.CategoryChoice;
import com.scalecommerce.web.admin.products.CatalogAdminModels.NewCategory;
import com.scalecommerce.web.admin.products.CatalogAdminModels.Product;
import com.scalecommerce.web.admin.products.CatalogAdminModels.ProductChange;
import com.scalecommerce.web.admin.products.CatalogAdminModels.ProductPage;
import com.scalecommerce.web.admin.products.CatalogAdminModels.Variant;
import com.scalecommerce.web.http.Refused;
import com.scalecommerce.web.session.Viewer;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The catalog in the admin dashboard: find products, create one with its first variant, edit its fields,
 * variants, images and status, and manage categories. Every change is a POST form with the session's CSRF token,
 * sent to products with the admin's own token, and answered 303 (post/redirect/get) with a one-time notice. When
 * products refuses (validation, a taken slug or SKU), the same form comes back with its detail and field errors
 * and with everything the admin typed.
 */
@Path("/admin/products")
@RunOnVirtualThread
@Produces(MediaType.TEXT_HTML)
public class AdminProductsResource {

    static final int PAGE_SIZE = 25;
    private static final Set<String> STATUSES = Set.of("DRAFT", "ACTIVE", "ARCHIVED");
    private static final String DOWN_CODE = "PRODUCTS_UNAVAILABLE";
    private static final String DOWN =
            "The catalog cannot be reached right now. Nothing was changed; try again in a moment.";

    private final CatalogAdminReads products;
    private final CatalogAdminChanges productChanges;
    private final AdminAccess access;
    private final Viewer viewer;
    private final WebConfig config;

    AdminProductsResource(
            CatalogAdminReads products,
            CatalogAdminChanges productChanges,
            AdminAccess access,
            Viewer viewer,
            WebConfig config) {
        this.products = products;
        this.productChanges = productChanges;
        this.access = access;
        this.viewer = viewer;
        this.config = config;
    }

    @GET
    public TemplateInstance list(
            @QueryParam("q") String q, @QueryParam("status") String status, @QueryParam("cursor") String cursor) {
        String bearer = access.requireAdmin(listUrl(q, status, null));
        String query = FormValues.text(q);
        String wanted = status == null ? null : status.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !STATUSES.contains(wanted)) {
            wanted = null;
        }
        String chosen = wanted;
        ProductPage page = read(() -> products.products(bearer, query, chosen, FormValues.text(cursor), PAGE_SIZE));
        String next = page.nextCursor() == null ? null : listUrl(query, chosen, page.nextCursor());
        return AdminProductPages.list(new ListView(
                page.items(),
                query,
                chosen,
                FormValues.text(cursor) == null ? null : listUrl(query, chosen, null),
                next,
                viewer.takeFlash()));
    }

    @GET
    @Path("new")
    public TemplateInstance newProduct() {
        String bearer = access.requireAdmin("/admin/products/new");
        return createPage(bearer, ProductForm.blank(), VariantForm.blank(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(
            @RestForm("_csrf") String csrf, @BeanParam ProductForm product, @BeanParam NewVariantFields variant) {
        String bearer = access.requireAdmin("/admin/products/new", csrf);
        VariantForm first = variant.form();
        var values = new FormValues();
        var input = product.toNewProduct(values, first);
        if (!values.valid()) {
            return refusedCreate(bearer, product, first, FormProblem.invalid(values.errors()));
        }
        try {
            Product created = change(() -> productChanges.create(bearer, input));
            viewer.flash("Product \u201c" + created.name() + "\u201d created.");
            return seeOther(productUrl(created.id()));
        } catch (Refused e) {
            return refusedCreate(bearer, product, first, FormProblem.of(e));
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance edit(@PathParam("id") String id) {
        UUID productId = uuid(id);
        String bearer = access.requireAdmin(productUrl(productId));
        Product product = read(() -> products.product(bearer, productId));
        return editPage(bearer, product, null, null, null, null, viewer.takeFlash());
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") String id, @RestForm("_csrf") String csrf, @BeanParam ProductForm fields) {
        UUID productId = uuid(id);
        String bearer = access.requireAdmin(productUrl(productId), csrf);
        var values = new FormValues();
        ProductChange change = fields.toChange(values);
        if (!values.valid()) {
            return refusedEdit(bearer, productId, fields, null, null, FormProblem.invalid(values.errors()));
        }
        try {
            change(() -> productChanges.update(bearer, productId, change));
            return done(productId, "Product saved.");
        } catch (Refused e) {
            return refusedEdit(bearer, productId, fields, null, null, FormProblem.of(e));
        }
    }

    /** Publishing sets the status to ACTIVE and sends the product's other fields as they are. */
    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") String id, @RestForm("_csrf") String csrf) {
        return setStatus(id, csrf, "ACTIVE", "Published: shoppers can find it now.");
    }

    @POST
    @Path("{id}/unpublish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unpublish(@PathParam("id") String id, @RestForm("_csrf") String csrf) {
        return setStatus(id, csrf, "DRAFT", "Back to draft: shoppers no longer see it.");
    }

    @POST
    @Path("{id}/archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archive(@PathParam("id") String id, @RestForm("_csrf") String csrf) {
        UUID productId = uuid(id);
        String bearer = access.requireAdmin(productUrl(productId), csrf);
        try {
            change(() -> productChanges.archive(bearer, productId));
            return done(productId, "Archived: hidden from shoppers, kept for orders and reviews.");
        } catch (Refused e) {
            return refusedEdit(bearer, productId, null, null, null, FormProblem.of(e));
        }
    }

    @POST
    @Path("{id}/variants")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addVariant(
            @PathParam("id") String id, @RestForm("_csrf") String csrf, @BeanParam VariantForm variant) {
        UUID productId = uuid(id);
        String bearer = access.requireAdmin(productUrl(productId), csrf);
        Product product = read(() -> products.product(bearer, productId));
        var values = new FormValues();
        var input = variant.toInput(values, product.currency(), "");
        if (!values.valid()) {
            return refusedEdit(bearer, product, null, variant, null, FormProblem.invalid(values.errors()));
        }
        try {
            change(() -> productChanges.addVariant(bearer, productId, input));
            return done(productId, "Variant " + input.sku() + " added. Receive its stock under Inventory.");
        } catch (Refused e) {
            return refusedEdit(bearer, product, null, variant, null, FormProblem.of(e));
        }
    }

    @POST
    @Path("{id}/variants/{variantId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateVariant(
            @PathParam("id") String id,
            @PathParam("variantId") String variantId,
            @RestForm("_csrf") String csrf,
            @BeanParam VariantForm variant) {
        UUID productId = uuid(id);
        UUID variantUuid = uuid(variantId);
        String bearer = access.requireAdmin(productUrl(productId), csrf);
        Product product = read(() -> products.product(bearer, productId));
        var values = new FormValues();
        var input = variant.toInput(values, product.currency(), "");
        var kept = new KeptVariant(variantUuid, variant);
        if (!values.valid()) {
            return refusedEdit(bearer, product, null, null, kept, FormProblem.invalid(values.errors()));
        }
        try {
            change(() -> productChanges.updateVariant(bearer, productId, variantUuid, input));
            return done(productId, "Variant " + input.sku() + " saved.");
        } catch (Refused e) {
            return refusedEdit(bearer, product, null, null, kept, FormProblem.of(e));
        }
    }

    /** The browser's multipart form; the file goes on to products as the same kind of form. */
    @POST
    @Path("{id}/images")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadImage(
            @PathParam("id") String id,
            @RestForm("_csrf") String csrf,
            @RestForm("file") FileUpload file,
            @RestForm("alt") String alt,
            @RestForm("variantId") String variantId) {
        UUID productId = uuid(id);
        String bearer = access.requireAdmin(productUrl(productId), csrf);
        if (file == null || file.size() == 0) {
            return refusedEdit(
                    bearer, productId, null, null, null, FormProblem.message(400, "Choose an image file to upload."));
        }
        UUID variant = null;
        if (FormValues.text(variantId) != null) {
            try {
                variant = UUID.fromString(variantId.strip());
            } catch (IllegalArgumentException e) {
                return refusedEdit(
                        bearer, productId, null, null, null, FormProblem.message(400, "Choose one of the variants."));
            }
        }
        var upload = new ImageUpload(
                file.uploadedFile(), file.fileName(), file.contentType(), FormValues.text(alt), variant);
        try {
            change(() -> productChanges.uploadImage(bearer, productId, upload));
            return done(productId, "Image uploaded.");
        } catch (Refused e) {
            return refusedEdit(bearer, productId, null, null, null, FormProblem.of(e));
        }
    }

    @POST
    @Path("{id}/images/{imageId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteImage(
            @PathParam("id") String id, @PathParam("imageId") String imageId, @RestForm("_csrf") String csrf) {
        UUID productId = uuid(id);
        UUID image = uuid(imageId);
        String bearer = access.requireAdmin(productUrl(productId), csrf);
        try {
            change(() -> productChanges.deleteImage(bearer, productId, image));
            return done(productId, "Image removed.");
        } catch (Refused e) {
            return refusedEdit(bearer, productId, null, null, null, FormProblem.of(e));
        }
    }

    @GET
    @Path("categories")
    public TemplateInstance categories() {
        String bearer = access.requireAdmin("/admin/products/categories");
        return categoriesPage(bearer, viewer.takeFlash(), null, null, null);
    }

    @POST
    @Path("categories")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createCategory(
            @RestForm("_csrf") String csrf, @RestForm("name") String name, @RestForm("parentId") String parentId) {
        String bearer = access.requireAdmin("/admin/products/categories", csrf);
        var values = new FormValues();
        String categoryName = values.required("name", name);
        UUID parent = null;
        if (FormValues.text(parentId) != null) {
            try {
                parent = UUID.fromString(parentId.strip());
            } catch (IllegalArgumentException e) {
                values.reject("parentId", "is not a category");
            }
        }
        if (!values.valid()) {
            return Response.status(400)
                    .entity(categoriesPage(bearer, null, FormProblem.invalid(values.errors()), name, parentId))
                    .build();
        }
        var input = new NewCategory(categoryName, null, null, parent, null);
        try {
            change(() -> productChanges.createCategory(bearer, input));
            viewer.flash("Category \u201c" + categoryName + "\u201d created.");
            return seeOther("/admin/products/categories");
        } catch (Refused e) {
            return Response.status(e.status())
                    .entity(categoriesPage(bearer, null, FormProblem.of(e), name, parentId))
                    .build();
        }
    }

    @POST
    @Path("categories/{categoryId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteCategory(@PathParam("categoryId") String categoryId, @RestForm("_csrf") String csrf) {
        UUID category = uuid(categoryId);
        String bearer = access.requireAdmin("/admin/products/categories", csrf);
        try {
            change(() -> {
                productChanges.deleteCategory(bearer, category);
                return null;
            });
            viewer.flash("Category deleted.");
            return seeOther("/admin/products/categories");
        } catch (Refused e) {
            return Response.status(e.status())
                    .entity(categoriesPage(bearer, null, FormProblem.of(e), null, null))
                    .build();
        }
    }

    private Response setStatus(String id, String csrf, String status, String notice) {
        UUID productId = uuid(id);
        String bearer = access.requireAdmin(productUrl(productId), csrf);
        Product product = read(() -> products.product(bearer, productId));
        try {
            change(() -> productChanges.update(bearer, productId, ProductChange.withStatus(product, status)));
            return done(productId, notice);
        } catch (Refused e) {
            return refusedEdit(bearer, product, null, null, null, FormProblem.of(e));
        }
    }

    private TemplateInstance createPage(String bearer, ProductForm product, VariantForm variant, FormProblem problem) {
        return AdminProductPages.create(
                new CreateView(viewer.getCsrf(), product, variant, categoryChoices(bearer), brands(bearer), problem));
    }

    private Response refusedCreate(String bearer, ProductForm product, VariantForm variant, FormProblem problem) {
        return Response.status(problem.status())
                .entity(createPage(bearer, product, variant, problem))
                .build();
    }

    private Response refusedEdit(
            String bearer,
            UUID productId,
            ProductForm fields,
            VariantForm newVariant,
            KeptVariant kept,
            FormProblem problem) {
        Product product = read(() -> products.product(bearer, productId));
        return refusedEdit(bearer, product, fields, newVariant, kept, problem);
    }

    private Response refusedEdit(
            String bearer,
            Product product,
            ProductForm fields,
            VariantForm newVariant,
            KeptVariant kept,
            FormProblem problem) {
        return Response.status(problem.status())
                .entity(editPage(bearer, product, fields, newVariant, kept, problem, null))
                .build();
    }

    private TemplateInstance editPage(
            String bearer,
            Product product,
            ProductForm fields,
            VariantForm newVariant,
            KeptVariant kept,
            FormProblem problem,
            String flash) {
        var rows = new ArrayList<VariantRow>();
        for (Variant variant : product.variants() == null ? List.<Variant>of() : product.variants()) {
            VariantForm form = kept != null && kept.id().equals(variant.id())
                    ? kept.form()
                    : VariantForm.of(variant, product.currency());
            rows.add(new VariantRow(variant, form, product.imagesOf(variant.id())));
        }
        return AdminProductPages.edit(new EditView(
                viewer.getCsrf(),
                product,
                fields == null ? ProductForm.of(product) : fields,
                rows,
                newVariant == null ? VariantForm.blank() : newVariant,
                categoryChoices(bearer),
                brands(bearer),
                flash,
                problem));
    }

    private TemplateInstance categoriesPage(
            String bearer, String flash, FormProblem problem, String name, String parentId) {
        return AdminProductPages.categories(
                new CategoriesView(viewer.getCsrf(), categoryChoices(bearer), flash, problem, name, parentId));
    }

    private List<CategoryChoice> categoryChoices(String bearer) {
        return CategoryChoice.flatten(read(() -> products.categories(bearer)));
    }

    /** Brand names only suggest (products creates a brand named for the first time): the page works without. */
    private List<BrandRef> brands(String bearer) {
        try {
            return products.brands(bearer);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private Response done(UUID productId, String notice) {
        viewer.flash(notice);
        return seeOther(productUrl(productId));
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

    static String productUrl(UUID id) {
        return "/admin/products/" + id;
    }

    private static String listUrl(String q, String status, String cursor) {
        var url = new StringBuilder("/admin/products");
        char separator = '?';
        for (String[] param : new String[][] {{"q", q}, {"status", status}, {"cursor", cursor}}) {
            if (param[1] != null && !param[1].isBlank()) {
                url.append(separator)
                        .append(param[0])
                        .append('=')
                        .append(URLEncoder.encode(param[1], StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }

    /** An id in a URL that is not one: the page does not exist. */
    static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("NOT_FOUND", "We could not find that page.");
        }
    }

    /** The variant form that was not accepted, shown again in that variant's row. */
    private record KeptVariant(UUID id, VariantForm form) {}

    /** The first variant's fields on the new-product form, prefixed so they do not clash with the product's. */
    public static class NewVariantFields {

        @RestForm("variant.sku")
        public String sku;

        @RestForm("variant.price")
        public String price;

        @RestForm("variant.compareAtPrice")
        public String compareAtPrice;

        @RestForm("variant.weightGrams")
        public String weightGrams;

        @RestForm("variant.options")
        public String options;

        VariantForm form() {
            var form = VariantForm.blank();
            form.sku = sku;
            form.price = price;
            form.compareAtPrice = compareAtPrice;
            form.weightGrams = weightGrams;
            form.options = options;
            return form;
        }
    }
}
