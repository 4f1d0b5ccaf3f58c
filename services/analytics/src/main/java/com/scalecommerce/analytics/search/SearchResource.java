package com.scalecommerce.analytics.search;

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

/** Top search queries and zero-result queries. */
@Path("/api/admin/analytics/search")
@RolesAllowed("ADMIN")
@RunOnVirtualThread
public class SearchResource {

    static final int LIMIT_DEFAULT = 20;
    static final int LIMIT_MAX = 100;

    private final SearchReport report;

    SearchResource(SearchReport report) {
        this.report = report;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    public Response search(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        boolean csv = ReportFormat.csv(format, headers);
        int max = ReportFormat.limit(limit, LIMIT_DEFAULT, LIMIT_MAX);
        // Not a series: the granularity only bounds how long a range may be, so the coarsest one is used.
        SearchReport.Searches searches = report.run(ReportRange.parse(from, to, "month"), max);
        if (!csv) {
            return Response.ok(searches, MediaType.APPLICATION_JSON).build();
        }
        var rows = new ArrayList<List<Object>>();
        searches.topQueries().forEach(q -> rows.add(List.of("top", q.query(), q.searches(), q.averageResults())));
        searches.zeroResultQueries().forEach(q -> rows.add(List.of("zero_results", q.query(), q.searches(), 0.0)));
        return Csv.attachment("search", List.of("list", "query", "searches", "average_results"), rows);
    }
}
