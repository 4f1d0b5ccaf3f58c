package com.scalecommerce.analytics.sales;

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
import java.util.List;

/** The sales dashboard: revenue over time, and which products and categories it came from. */
@Path("/api/admin/analytics/sales")
@RolesAllowed("ADMIN")
@RunOnVirtualThread
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class SalesResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final SalesReport report;

    SalesResource(SalesReport report) {
        this.report = report;
    }

    @GET
    public Response sales(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("granularity") String granularity,
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean csv = ReportFormat.csv(format, headers);
        SalesReport.Sales sales = report.sales(ReportRange.parse(from, to, granularity));
        if (!csv) {
            return Response.ok(sales, MediaType.APPLICATION_JSON).build();
        }
        var rows = new ArrayList<List<Object>>();
        for (var currency : sales.currencies()) {
            for (var b : currency.series()) {
                rows.add(List.of(
                        b.start().toString(),
                        currency.currency(),
                        b.orders(),
                        b.units(),
                        b.grossMinor(),
                        b.refundsMinor(),
                        b.netMinor(),
                        b.averageOrderValueMinor()));
            }
        }
        return Csv.attachment(
                "sales",
                List.of(
                        "bucket",
                        "currency",
                        "orders",
                        "units",
                        "gross_minor",
                        "refunds_minor",
                        "net_minor",
                        "average_order_value_minor"),
                rows);
    }

    @GET
    @Path("/by-product")
    public Response byProduct(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean csv = ReportFormat.csv(format, headers);
        int top = ReportFormat.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        SalesReport.ByProduct byProduct = report.byProduct(totalsRange(from, to), top);
        if (!csv) {
            return Response.ok(byProduct, MediaType.APPLICATION_JSON).build();
        }
        var rows = new ArrayList<List<Object>>();
        for (var currency : byProduct.currencies()) {
            for (var p : currency.products()) {
                rows.add(cells(
                        currency.currency(), p.rank(), p.productId(), p.name(), p.units(), p.orders(), p.grossMinor()));
            }
        }
        return Csv.attachment(
                "sales-by-product",
                List.of("currency", "rank", "product_id", "name", "units", "orders", "gross_minor"),
                rows);
    }

    @GET
    @Path("/by-category")
    public Response byCategory(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean csv = ReportFormat.csv(format, headers);
        SalesReport.ByCategory byCategory = report.byCategory(totalsRange(from, to));
        if (!csv) {
            return Response.ok(byCategory, MediaType.APPLICATION_JSON).build();
        }
        var rows = new ArrayList<List<Object>>();
        for (var currency : byCategory.currencies()) {
            for (var c : currency.categories()) {
                rows.add(cells(
                        currency.currency(), c.categoryId(), c.units(), c.orders(), c.products(), c.grossMinor()));
            }
        }
        return Csv.attachment(
                "sales-by-category",
                List.of("currency", "category_id", "units", "orders", "products", "gross_minor"),
                rows);
    }

    /**
     * These reports have no series, so the bucket cap must not limit how long a period they may cover: they are
     * parsed with the coarsest granularity.
     */
    private static ReportRange totalsRange(String from, String to) {
        return ReportRange.parse(from, to, "month");
    }

    /** A CSV row that may hold nulls (List.of does not). */
    private static List<Object> cells(Object... values) {
        return java.util.Arrays.asList(values);
    }
}
