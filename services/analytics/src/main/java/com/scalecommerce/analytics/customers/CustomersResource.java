package com.scalecommerce.analytics.customers;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** New and returning customers, repeat purchases, cohort retention and the customers worth the most. */
@Path("/api/admin/analytics/customers")
@RolesAllowed("ADMIN")
@RunOnVirtualThread
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class CustomersResource {

    static final int TOP_DEFAULT = 20;
    static final int TOP_MAX = 100;

    private final CustomersReport report;

    CustomersResource(CustomersReport report) {
        this.report = report;
    }

    @GET
    public Response customers(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("granularity") String granularity,
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean csv = ReportFormat.csv(format, headers);
        CustomersReport.Customers customers = report.series(ReportRange.parse(from, to, granularity));
        if (!csv) {
            return Response.ok(customers, MediaType.APPLICATION_JSON).build();
        }
        return Csv.attachment(
                "customers",
                List.of("bucket", "new_customers", "returning_customers", "customer_orders", "guest_orders"),
                customers.series().stream()
                        .map(b -> List.<Object>of(
                                b.bucket().toString(),
                                b.newCustomers(),
                                b.returningCustomers(),
                                b.customerOrders(),
                                b.guestOrders()))
                        .toList());
    }

    /**
     * Cohorts by the month of the first paid order, for first orders in the range (default: the last twelve
     * months); the share of each cohort that paid again 1 to 11 months later.
     */
    @GET
    @Path("/cohorts")
    public Response cohorts(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean csv = ReportFormat.csv(format, headers);
        String start = from == null || from.isBlank()
                ? LocalDate.now(ZoneOffset.UTC)
                        .withDayOfMonth(1)
                        .minusMonths(CustomersReport.COHORT_MONTHS)
                        .toString()
                : from;
        CustomersReport.Cohorts cohorts = report.cohorts(ReportRange.parse(start, to, "month"));
        if (!csv) {
            return Response.ok(cohorts, MediaType.APPLICATION_JSON).build();
        }
        var header = new ArrayList<>(List.of("cohort", "customers"));
        for (int k = 1; k <= CustomersReport.COHORT_MONTHS; k++) {
            header.add("month_" + k);
        }
        return Csv.attachment(
                "customer-cohorts",
                header,
                cohorts.cohorts().stream()
                        .map(c -> {
                            var row = new ArrayList<Object>(List.of(c.cohort().toString(), c.customers()));
                            c.retention().forEach(r -> row.add(r.share()));
                            return (List<Object>) row;
                        })
                        .toList());
    }

    /** Lifetime value net of refunds, per currency (never summed across currencies). Ids only: no personal data. */
    @GET
    @Path("/top")
    public Response top(
            @QueryParam("currency") String currency,
            @QueryParam("limit") String limit,
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean csv = ReportFormat.csv(format, headers);
        int max = ReportFormat.limit(limit, TOP_DEFAULT, TOP_MAX);
        CustomersReport.Top top = report.top(currency(currency), max);
        if (!csv) {
            return Response.ok(top, MediaType.APPLICATION_JSON).build();
        }
        var rows = new ArrayList<List<Object>>();
        for (CustomersReport.CurrencyTop group : top.currencies()) {
            int rank = 1;
            for (CustomersReport.Customer c : group.customers()) {
                rows.add(List.of(
                        group.currency(),
                        rank++,
                        c.userId().toString(),
                        c.orders(),
                        c.grossMinor(),
                        c.refundedMinor(),
                        c.netMinor()));
            }
        }
        return Csv.attachment(
                "top-customers",
                List.of("currency", "rank", "user_id", "orders", "gross_minor", "refunded_minor", "net_minor"),
                rows);
    }

    private static String currency(String currency) {
        if (currency == null || currency.isBlank()) {
            return null;
        }
        String code = currency.trim().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{3}")) {
            throw ProblemException.invalidField("currency", "must be an ISO 4217 code such as EUR");
        }
        return code;
    }
}
