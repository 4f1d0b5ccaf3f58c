package com.scalecommerce.analytics.products;

import com.scalecommerce.analytics.report.Csv;
import com.scalecommerce.analytics.report.ReportFormat;
import com.scalecommerce.analytics.report.ReportRange;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The products dashboard: best sellers, most viewed, view-to-purchase rate, most abandoned in carts. */
@Path("/api/admin/analytics/products")
@RolesAllowed("ADMIN")
@RunOnVirtualThread
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class ProductsResource {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    private final ProductsReport report;

    ProductsResource(ProductsReport report) {
        this.report = report;
    }

    @GET
    public Response products(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean csv = ReportFormat.csv(format, headers);
        int top = ReportFormat.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        // No series here, so the range is parsed with the coarsest granularity: the bucket cap must not limit how
        // long a period the lists may cover.
        ProductsReport.Products products = report.products(ReportRange.parse(from, to, "month"), top);
        if (!csv) {
            return Response.ok(products, MediaType.APPLICATION_JSON).build();
        }
        // One table of every list: a column stays empty where it does not apply to that list.
        var rows = new ArrayList<List<Object>>();
        for (var currency : products.bestSellersByRevenue()) {
            for (var p : currency.products()) {
                rows.add(row(
                        "best_sellers_by_revenue",
                        currency.currency(),
                        p.rank(),
                        p.productId(),
                        p.name(),
                        p.units(),
                        p.orders(),
                        p.grossMinor(),
                        null,
                        null,
                        null,
                        null));
            }
        }
        for (var p : products.bestSellersByUnits()) {
            rows.add(row(
                    "best_sellers_by_units",
                    null,
                    p.rank(),
                    p.productId(),
                    p.name(),
                    p.units(),
                    p.orders(),
                    null,
                    null,
                    null,
                    null,
                    null));
        }
        for (var p : products.mostViewed()) {
            rows.add(row(
                    "most_viewed",
                    null,
                    p.rank(),
                    p.productId(),
                    p.name(),
                    null,
                    null,
                    null,
                    p.views(),
                    p.viewSessions(),
                    null,
                    null));
        }
        for (var p : products.viewToPurchase()) {
            rows.add(row(
                    "view_to_purchase",
                    null,
                    p.rank(),
                    p.productId(),
                    p.name(),
                    p.units(),
                    p.orders(),
                    null,
                    p.views(),
                    p.viewSessions(),
                    null,
                    p.ratePercent()));
        }
        for (var p : products.mostAbandoned()) {
            rows.add(row(
                    "most_abandoned",
                    null,
                    p.rank(),
                    p.productId(),
                    p.name(),
                    p.units(),
                    null,
                    null,
                    null,
                    null,
                    p.carts(),
                    null));
        }
        return Csv.attachment(
                "products",
                List.of(
                        "list",
                        "currency",
                        "rank",
                        "product_id",
                        "name",
                        "units",
                        "orders",
                        "gross_minor",
                        "views",
                        "view_sessions",
                        "abandoned_carts",
                        "rate_percent"),
                rows);
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}
