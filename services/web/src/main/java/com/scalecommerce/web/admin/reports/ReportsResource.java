package com.scalecommerce.web.admin.reports;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.WebConfig;
import com.scalecommerce.web.admin.AdminAccess;
import com.scalecommerce.web.admin.analytics.AnalyticsCalls;
import com.scalecommerce.web.admin.analytics.Panel;
import com.scalecommerce.web.admin.analytics.Period;
import com.scalecommerce.web.admin.analytics.Report;
import com.scalecommerce.web.admin.products.CatalogAdminModels.CategoryChoice;
import com.scalecommerce.web.admin.products.CatalogAdminModels.CategoryNode;
import com.scalecommerce.web.admin.products.CatalogAdminReads;
import com.scalecommerce.web.http.Refused;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * {@code /admin/reports}: every report analytics has, as tables, for a period chosen in a GET form, each with a
 * "Download CSV" link. The download is analytics' own CSV streamed through unchanged (same columns as its API),
 * with the admin's token, since a browser cannot send that token to analytics itself.
 */
@Path("/admin/reports")
@RunOnVirtualThread
public class ReportsResource {

    private static final Logger LOG = Logger.getLogger(ReportsResource.class);
    static final int TOP = 20;
    static final int PRODUCTS_TOP = 10;
    static final int INVENTORY_ROWS = 50;

    private final AdminAccess access;
    private final AnalyticsCalls analytics;
    private final CatalogAdminReads catalog;
    private final WebConfig config;
    private final Clock clock = Clock.systemUTC();

    ReportsResource(AdminAccess access, AnalyticsCalls analytics, CatalogAdminReads catalog, WebConfig config) {
        this.access = access;
        this.analytics = analytics;
        this.catalog = catalog;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response reports(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("granularity") String granularity) {
        String bearer = access.requireAdmin("/admin/reports");
        LocalDate today = LocalDate.now(clock);
        Period.Parsed parsed = Period.parse(from, to, granularity, today);
        if (parsed.period().isEmpty()) {
            Period defaults = Period.parse(null, null, null, today).period().orElseThrow();
            return Response.status(400)
                    .entity(ReportsPages.reports(ReportsView.invalid(defaults, parsed.problem())))
                    .build();
        }
        Period period = parsed.period().get();
        var sales = Panel.load(() -> analytics.sales(bearer, period));
        var byProduct = Panel.load(() -> analytics.salesByProduct(bearer, period, TOP));
        var byCategory = Panel.load(() -> analytics.salesByCategory(bearer, period));
        var products = Panel.load(() -> analytics.products(bearer, period, PRODUCTS_TOP));
        var funnel = Panel.load(() -> analytics.funnel(bearer, period));
        var customers = Panel.load(() -> analytics.customers(bearer, period));
        var cohorts = Panel.load(() -> analytics.cohorts(bearer, period));
        var topCustomers = Panel.load(() -> analytics.topCustomers(bearer, TOP));
        var search = Panel.load(() -> analytics.search(bearer, period, TOP));
        var inventory = Panel.load(() -> analytics.inventory(bearer, period, INVENTORY_ROWS));
        // Analytics keeps category ids; their names are products' (hidden categories included in its admin tree).
        var categories = Panel.load(() -> catalog.categories(bearer));
        return Response.ok(ReportsPages.reports(new ReportsView(
                        period,
                        Period.GRANULARITIES,
                        null,
                        sales.join(),
                        byProduct.join(),
                        byCategory.join(),
                        products.join(),
                        funnel.join(),
                        customers.join(),
                        cohorts.join(),
                        topCustomers.join(),
                        search.join(),
                        inventory.join(),
                        namesById(categories.join()))))
                .build();
    }

    private static Map<UUID, String> namesById(Panel<List<CategoryNode>> tree) {
        return tree.ok()
                ? CategoryChoice.flatten(tree.data()).stream()
                        .collect(Collectors.toMap(CategoryChoice::id, CategoryChoice::name, (a, b) -> a))
                : Map.of();
    }

    /**
     * One report's CSV, streamed from analytics as it arrives: {@code text/csv}, an attachment named after the
     * report and the period, never cached (it is the shop's business data).
     */
    @GET
    @Path("/{report}.csv")
    public Response csv(
            @PathParam("report") String slug,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("granularity") String granularity) {
        String bearer = access.requireAdmin("/admin/reports");
        Report report = Report.bySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("REPORT_NOT_FOUND", "There is no such report."));
        Period.Parsed parsed = Period.parse(from, to, granularity, LocalDate.now(clock));
        Period period =
                parsed.period().orElseThrow(() -> ProblemException.badRequest("INVALID_PERIOD", parsed.problem()));
        Response upstream;
        try {
            upstream = analytics.csv(bearer, report, period);
        } catch (Refused e) {
            throw e.status() == 403
                    ? ProblemException.forbidden(e.message())
                    : ProblemException.badRequest("REPORT_REFUSED", e.message());
        } catch (RuntimeException e) {
            LOG.debugf(e, "analytics unreachable for a CSV download");
            throw ProblemException.unavailable(
                    "ANALYTICS_UNAVAILABLE",
                    "Analytics is unavailable right now, so the report cannot be downloaded. Try again in a moment.",
                    config.retryAfterSeconds());
        }
        InputStream body = upstream.readEntity(InputStream.class);
        StreamingOutput stream = out -> {
            try (upstream;
                    body) {
                body.transferTo(out);
            }
        };
        String name = report.slug() + (report.periodic() ? "_" + period.from() + "_" + period.through() : "");
        return Response.ok(stream, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
