package com.scalecommerce.analytics.funnel;

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
import java.util.List;

/** The storefront funnel: viewed -> added to cart -> started checkout -> paid, with the cart abandonment rate. */
@Path("/api/admin/analytics/funnel")
@RolesAllowed("ADMIN")
@RunOnVirtualThread
public class FunnelResource {

    private final FunnelReport report;

    FunnelResource(FunnelReport report) {
        this.report = report;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    public Response funnel(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("granularity") String granularity,
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean csv = ReportFormat.csv(format, headers);
        FunnelReport.Funnel funnel = report.run(ReportRange.parse(from, to, granularity));
        if (!csv) {
            return Response.ok(funnel, MediaType.APPLICATION_JSON).build();
        }
        return Csv.attachment(
                "funnel",
                List.of(
                        "bucket",
                        "viewed",
                        "added_to_cart",
                        "started_checkout",
                        "paid",
                        "view_to_cart_rate",
                        "cart_to_checkout_rate",
                        "checkout_to_paid_rate",
                        "view_to_paid_rate",
                        "cart_abandonment_rate"),
                funnel.series().stream()
                        .map(s -> List.<Object>of(
                                s.bucket().toString(),
                                s.viewed(),
                                s.addedToCart(),
                                s.startedCheckout(),
                                s.paid(),
                                cell(s.viewToCartRate()),
                                cell(s.cartToCheckoutRate()),
                                cell(s.checkoutToPaidRate()),
                                cell(s.viewToPaidRate()),
                                cell(s.cartAbandonmentRate())))
                        .toList());
    }

    // List.of refuses nulls; an empty cell is what a spreadsheet shows for "no rate".
    private static Object cell(Double rate) {
        return rate == null ? "" : rate;
    }
}
