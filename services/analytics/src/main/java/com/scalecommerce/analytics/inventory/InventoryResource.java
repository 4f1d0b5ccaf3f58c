package com.scalecommerce.analytics.inventory;

import com.scalecommerce.analytics.report.Csv;
import com.scalecommerce.analytics.report.ReportFormat;
import com.scalecommerce.analytics.report.ReportRange;
import com.scalecommerce.platform.web.problem.ProblemException;
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
import java.util.LinkedHashSet;
import java.util.List;

/** Low and out of stock SKUs, stock value per currency, sell-through and days of cover. */
@Path("/api/admin/analytics/inventory")
@RolesAllowed("ADMIN")
@RunOnVirtualThread
public class InventoryResource {

    static final int LIMIT_DEFAULT = 50;
    static final int LIMIT_MAX = 1_000;

    private final InventoryReport report;

    InventoryResource(InventoryReport report) {
        this.report = report;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    public Response inventory(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("sku") String skuPrefix,
            @QueryParam("limit") String limit,
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean csv = ReportFormat.csv(format, headers);
        int max = ReportFormat.limit(limit, LIMIT_DEFAULT, LIMIT_MAX);
        if (skuPrefix != null && skuPrefix.length() > 100) {
            throw ProblemException.invalidField("sku", "must be at most 100 characters");
        }
        String prefix = skuPrefix == null || skuPrefix.isBlank() ? null : skuPrefix.strip();
        // The range is the window of the sales rate, not a series: the coarsest granularity bounds it.
        InventoryReport.Inventory inventory = report.run(ReportRange.parse(from, to, "month"), prefix, max);
        if (!csv) {
            return Response.ok(inventory, MediaType.APPLICATION_JSON).build();
        }
        // One table: the SKUs by sell-through, then any low or out of stock SKU not already among them.
        var rows = new LinkedHashSet<InventoryReport.Sku>(inventory.skus());
        rows.addAll(inventory.outOfStock());
        rows.addAll(inventory.lowStock());
        return Csv.attachment(
                "inventory",
                List.of(
                        "sku",
                        "product_id",
                        "status",
                        "on_hand",
                        "reserved",
                        "available",
                        "low_stock_threshold",
                        "units_sold",
                        "sell_through_rate",
                        "days_of_cover",
                        "currency",
                        "stock_value_minor"),
                rows.stream().map(InventoryResource::row).toList());
    }

    private static List<Object> row(InventoryReport.Sku s) {
        return new ArrayList<>(Arrays.asList(
                s.sku(),
                s.productId() == null ? null : s.productId().toString(),
                s.status(),
                s.onHand(),
                s.reserved(),
                s.available(),
                s.lowStockThreshold(),
                s.unitsSold(),
                s.sellThroughRate(),
                s.daysOfCover(),
                s.currency(),
                s.stockValueMinor()));
    }
}
