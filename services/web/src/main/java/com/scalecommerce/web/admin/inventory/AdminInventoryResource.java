package com.scalecommerce.web.admin.inventory;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.WebConfig;
import com.scalecommerce.web.admin.AdminAccess;
import com.scalecommerce.web.admin.forms.FormProblem;
import com.scalecommerce.web.admin.forms.FormValues;
import com.scalecommerce.web.admin.forms.ServiceCalls;
import com.scalecommerce.web.admin.inventory.InventoryApi.Count;
import com.scalecommerce.web.admin.inventory.InventoryApi.LedgerPage;
import com.scalecommerce.web.admin.inventory.InventoryApi.Receipt;
import com.scalecommerce.web.admin.inventory.InventoryApi.StockLevel;
import com.scalecommerce.web.admin.inventory.InventoryApi.StockPage;
import com.scalecommerce.web.admin.inventory.InventoryApi.Threshold;
import com.scalecommerce.web.http.Refused;
import com.scalecommerce.web.session.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Stock in the admin dashboard: every SKU's on hand, reserved and available units with a low-stock filter, and
 * per SKU the three changes products' ledger knows from people: a receipt (goods arrived), a correction to a
 * counted quantity (with the reason, which the ledger keeps) and the low-stock threshold.
 */
@Path("/admin/inventory")
@RunOnVirtualThread
@Produces(MediaType.TEXT_HTML)
public class AdminInventoryResource {

    static final int PAGE_SIZE = 50;
    static final int LEDGER_SIZE = 25;
    // Products' SKU rule: a path segment never needs escaping, and anything else is no SKU page.
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Set<String> FILTERS = Set.of("ALL", "IN_STOCK", "LOW_STOCK", "OUT_OF_STOCK");
    private static final String DOWN_CODE = "PRODUCTS_UNAVAILABLE";
    private static final String DOWN =
            "The inventory cannot be reached right now. Nothing was changed; try again in a moment.";

    private final InventoryReads inventory;
    private final InventoryChanges inventoryChanges;
    private final AdminAccess access;
    private final Viewer viewer;
    private final WebConfig config;

    AdminInventoryResource(
            InventoryReads inventory,
            InventoryChanges inventoryChanges,
            AdminAccess access,
            Viewer viewer,
            WebConfig config) {
        this.inventory = inventory;
        this.inventoryChanges = inventoryChanges;
        this.access = access;
        this.viewer = viewer;
        this.config = config;
    }

    @CheckedTemplate(basePath = "admin/inventory")
    static class Templates {
        static native TemplateInstance list(ListView view);

        static native TemplateInstance sku(SkuView view);
    }

    /** {@code status}: ALL, LOW_STOCK (low includes out of stock), OUT_OF_STOCK or IN_STOCK. */
    record ListView(
            List<StockLevel> items, String status, String sku, String firstPage, String nextPage, String flash) {

        public boolean lowOnly() {
            return "LOW_STOCK".equals(status);
        }
    }

    record SkuView(
            String csrf, StockLevel stock, LedgerPage ledger, StockForm form, String flash, FormProblem problem) {}

    @GET
    public TemplateInstance list(
            @QueryParam("status") String status, @QueryParam("sku") String sku, @QueryParam("cursor") String cursor) {
        String filter = status == null ? "ALL" : status.strip().toUpperCase(Locale.ROOT);
        if (!FILTERS.contains(filter)) {
            filter = "ALL";
        }
        String prefix = FormValues.text(sku);
        String bearer = access.requireAdmin(listUrl(filter, prefix, null));
        String chosen = filter;
        StockPage page = read(() -> inventory.list(bearer, chosen, prefix, FormValues.text(cursor), PAGE_SIZE));
        return Templates.list(new ListView(
                page.items(),
                chosen,
                prefix,
                FormValues.text(cursor) == null ? null : listUrl(chosen, prefix, null),
                page.nextCursor() == null ? null : listUrl(chosen, prefix, page.nextCursor()),
                viewer.takeFlash()));
    }

    @GET
    @Path("{sku}")
    public TemplateInstance sku(@PathParam("sku") String sku) {
        String checked = checkedSku(sku);
        String bearer = access.requireAdmin(skuUrl(checked));
        return skuPage(bearer, checked, StockForm.blank(), viewer.takeFlash(), null);
    }

    @POST
    @Path("{sku}/receipts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response receive(
            @PathParam("sku") String sku,
            @RestForm("_csrf") String csrf,
            @RestForm("quantity") String quantity,
            @RestForm("reason") String reason,
            @RestForm("reference") String reference) {
        String checked = checkedSku(sku);
        String bearer = access.requireAdmin(skuUrl(checked), csrf);
        var form = StockForm.blank();
        form.receiveQuantity = quantity;
        form.receiveReason = reason;
        form.receiveReference = reference;
        var values = new FormValues();
        Integer units = values.integer("quantity", quantity);
        if (units == null && values.valid()) {
            values.reject("quantity", "is required");
        }
        var receipt = new Receipt(units, FormValues.text(reason), FormValues.text(reference));
        return change(
                bearer,
                checked,
                form,
                values,
                () -> inventoryChanges.receive(bearer, checked, receipt),
                stock ->
                        "Received " + units + ": " + stock.onHand() + " on hand, " + stock.available() + " available.");
    }

    @POST
    @Path("{sku}/corrections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(
            @PathParam("sku") String sku,
            @RestForm("_csrf") String csrf,
            @RestForm("onHand") String onHand,
            @RestForm("reason") String reason,
            @RestForm("reference") String reference) {
        String checked = checkedSku(sku);
        String bearer = access.requireAdmin(skuUrl(checked), csrf);
        var form = StockForm.blank();
        form.countOnHand = onHand;
        form.countReason = reason;
        form.countReference = reference;
        var values = new FormValues();
        Integer counted = values.integer("onHand", onHand);
        if (counted == null && values.valid()) {
            values.reject("onHand", "is required");
        }
        String why = values.required("reason", reason);
        var count = new Count(counted, why, FormValues.text(reference));
        return change(
                bearer,
                checked,
                form,
                values,
                () -> inventoryChanges.correct(bearer, checked, count),
                stock -> "Corrected to " + stock.onHand() + " on hand, " + stock.available() + " available.");
    }

    @POST
    @Path("{sku}/threshold")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response threshold(
            @PathParam("sku") String sku,
            @RestForm("_csrf") String csrf,
            @RestForm("lowStockThreshold") String threshold) {
        String checked = checkedSku(sku);
        String bearer = access.requireAdmin(skuUrl(checked), csrf);
        var form = StockForm.blank();
        form.threshold = threshold;
        var values = new FormValues();
        Integer units = values.integer("lowStockThreshold", threshold);
        if (units == null && values.valid()) {
            values.reject("lowStockThreshold", "is required");
        }
        return change(
                bearer,
                checked,
                form,
                values,
                () -> inventoryChanges.threshold(bearer, checked, new Threshold(units)),
                stock -> "Low-stock threshold set to " + stock.lowStockThreshold() + ".");
    }

    private Response change(
            String bearer,
            String sku,
            StockForm form,
            FormValues values,
            Supplier<StockLevel> call,
            java.util.function.Function<StockLevel, String> notice) {
        if (!values.valid()) {
            return refused(bearer, sku, form, FormProblem.invalid(values.errors()));
        }
        try {
            StockLevel after = ServiceCalls.answered(call, DOWN_CODE, DOWN, config.retryAfterSeconds());
            viewer.flash(notice.apply(after));
            return Response.seeOther(URI.create(skuUrl(sku))).build();
        } catch (Refused e) {
            return refused(bearer, sku, form, FormProblem.of(e));
        }
    }

    private Response refused(String bearer, String sku, StockForm form, FormProblem problem) {
        return Response.status(problem.status())
                .entity(skuPage(bearer, sku, form, null, problem))
                .build();
    }

    private TemplateInstance skuPage(String bearer, String sku, StockForm form, String flash, FormProblem problem) {
        StockLevel stock = read(() -> inventory.get(bearer, sku));
        LedgerPage ledger = read(() -> inventory.ledger(bearer, sku, LEDGER_SIZE));
        if (form.threshold == null) {
            form.threshold = Integer.toString(stock.lowStockThreshold());
        }
        return Templates.sku(new SkuView(viewer.getCsrf(), stock, ledger, form, flash, problem));
    }

    private <T> T read(Supplier<T> call) {
        return ServiceCalls.page(call, DOWN_CODE, DOWN, config.retryAfterSeconds());
    }

    private static String checkedSku(String value) {
        if (value == null || !SKU.matcher(value).matches()) {
            throw ProblemException.notFound("NOT_FOUND", "We could not find that page.");
        }
        return value;
    }

    static String skuUrl(String sku) {
        return "/admin/inventory/" + sku;
    }

    private static String listUrl(String status, String sku, String cursor) {
        var url = new StringBuilder("/admin/inventory?status=").append(status);
        if (sku != null) {
            url.append("&sku=").append(URLEncoder.encode(sku, StandardCharsets.UTF_8));
        }
        if (cursor != null) {
            url.append("&cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    /** What the admin typed into the SKU page's three forms; only the one that was sent is ever filled. */
    public static class StockForm {
        public String receiveQuantity;
        public String receiveReason;
        public String receiveReference;
        public String countOnHand;
        public String countReason;
        public String countReference;
        public String threshold;

        static StockForm blank() {
            return new StockForm();
        }
    }
}
