package com.scalecommerce.web.admin.analytics;

import com.scalecommerce.web.admin.AdminReads;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.ByCategory;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.ByProduct;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.Cohorts;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.Customers;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.Funnel;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.Inventory;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.Products;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.Sales;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.Searches;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.TopCustomers;
import com.scalecommerce.web.http.Refused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Analytics' reports: the admin's read policy, {@link AdminReads}, with two differences. Analytics is not on any
 * shopper's path, so a page never waits long for it: 1.5 s per report, and no retry after a timeout (a slow report
 * query would only run twice); a dropped connection is still retried once. With a breaker per report, a down
 * analytics costs nothing after a few tries.
 */
@ApplicationScoped
@Timeout(value = 1500, unit = ChronoUnit.MILLIS)
@Retry(
        maxRetries = 1,
        delay = 50,
        abortOn = {TimeoutException.class, CircuitBreakerOpenException.class, Refused.class})
public class AnalyticsCalls extends AdminReads {

    private static final String CSV = "csv";

    private final AnalyticsApi analytics;

    AnalyticsCalls(@RestClient AnalyticsApi analytics) {
        this.analytics = analytics;
    }

    public Sales sales(String bearer, Period period) {
        return analytics.sales(bearer, period.analyticsFrom(), period.analyticsTo(), period.granularity());
    }

    public ByProduct salesByProduct(String bearer, Period period, int limit) {
        return analytics.salesByProduct(bearer, period.analyticsFrom(), period.analyticsTo(), limit);
    }

    public ByCategory salesByCategory(String bearer, Period period) {
        return analytics.salesByCategory(bearer, period.analyticsFrom(), period.analyticsTo());
    }

    public Products products(String bearer, Period period, int limit) {
        return analytics.products(bearer, period.analyticsFrom(), period.analyticsTo(), limit);
    }

    public Funnel funnel(String bearer, Period period) {
        return analytics.funnel(bearer, period.analyticsFrom(), period.analyticsTo(), period.granularity());
    }

    public Customers customers(String bearer, Period period) {
        return analytics.customers(bearer, period.analyticsFrom(), period.analyticsTo(), period.granularity());
    }

    public Cohorts cohorts(String bearer, Period period) {
        return analytics.cohorts(bearer, period.analyticsFrom(), period.analyticsTo());
    }

    public TopCustomers topCustomers(String bearer, int limit) {
        return analytics.topCustomers(bearer, limit);
    }

    public Searches search(String bearer, Period period, int limit) {
        return analytics.search(bearer, period.analyticsFrom(), period.analyticsTo(), limit);
    }

    public Inventory inventory(String bearer, Period period, int limit) {
        return analytics.inventory(bearer, period.analyticsFrom(), period.analyticsTo(), limit);
    }

    /**
     * A report's CSV as analytics answers it, body unread: the caller streams it on to the browser and closes
     * it. An export may take longer than a page's panel, hence the longer timeout; no retry for a download.
     */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 0)
    public Response csv(String bearer, Report report, Period period) {
        // Lifetime value (top customers) has no period; only series take a granularity.
        String from = report.periodic() ? period.analyticsFrom() : null;
        String to = report.periodic() ? period.analyticsTo() : null;
        String granularity = report.bucketed() ? period.granularity() : null;
        Integer limit = report.downloadLimit();
        return report.view == null
                ? analytics.csv(bearer, report.dashboard, from, to, granularity, limit, CSV)
                : analytics.csv(bearer, report.dashboard, report.view, from, to, granularity, limit, CSV);
    }
}
