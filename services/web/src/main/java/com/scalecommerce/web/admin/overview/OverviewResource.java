package com.scalecommerce.web.admin.overview;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.admin.AdminAccess;
import com.scalecommerce.web.admin.analytics.AnalyticsCalls;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.CurrencyProducts;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.CurrencySales;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.SalesBucket;
import com.scalecommerce.web.admin.analytics.Panel;
import com.scalecommerce.web.admin.analytics.Period;
import com.scalecommerce.web.admin.orders.AdminOrderModels.Order;
import com.scalecommerce.web.admin.orders.AdminOrdersReads;
import com.scalecommerce.web.admin.orders.OrderFilters;
import com.scalecommerce.web.admin.overview.LowStockApi.StockLevel;
import com.scalecommerce.web.admin.overview.OverviewView.CurrencySalesView;
import com.scalecommerce.web.storefront.Formats;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code /admin}: sales over time, top products and the funnel from analytics, low-stock alerts from products and
 * the latest orders from orders, for the last 7, 30 or 90 days. The five panels load side by side, each with its
 * own short timeout; a service that fails costs only its panels, and analytics being down is said once on top of
 * a page that is still a 200.
 */
@Path("/admin")
@RunOnVirtualThread
@Produces(MediaType.TEXT_HTML)
public class OverviewResource {

    static final List<Integer> RANGES = List.of(7, 30, 90);
    static final int DEFAULT_DAYS = 30;
    static final int TOP_PRODUCTS = 5;
    static final int LOW_STOCK_SHOWN = 10;
    static final int RECENT_ORDERS = 5;
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("MMM d", Locale.US).withZone(ZoneOffset.UTC);

    private final AdminAccess access;
    private final AnalyticsCalls analytics;
    private final LowStockCalls stock;
    private final AdminOrdersReads orders;
    private final Clock clock = Clock.systemUTC();

    OverviewResource(AdminAccess access, AnalyticsCalls analytics, LowStockCalls stock, AdminOrdersReads orders) {
        this.access = access;
        this.analytics = analytics;
        this.stock = stock;
        this.orders = orders;
    }

    @GET
    public TemplateInstance overview(@QueryParam("days") String days) {
        // Back to the same period after signing in; anything odd is judged (400) once signed in.
        String bearer = access.requireAdmin(
                days != null && days.strip().matches("\\d{1,2}") ? "/admin?days=" + days.strip() : "/admin");
        int span = days(days);
        Period period = Period.lastDays(span, LocalDate.now(clock), "day");
        // The funnel's total is what the panel shows; weekly buckets keep its series short.
        Period funnelPeriod = new Period(period.from(), period.through(), "week");

        var sales = Panel.load(() -> analytics.sales(bearer, period).currencies().stream()
                .map(OverviewResource::salesView)
                .toList());
        var topProducts = Panel.load(
                () -> analytics.salesByProduct(bearer, period, TOP_PRODUCTS).currencies());
        var funnel = Panel.load(
                () -> FunnelChart.of(analytics.funnel(bearer, funnelPeriod).total()));
        var lowStock = Panel.load(() -> stock.lowStock(bearer, LOW_STOCK_SHOWN).items());
        var recentOrders = Panel.load(() ->
                orders.list(bearer, OrderFilters.NONE, null, RECENT_ORDERS).items());

        Panel<List<CurrencySalesView>> salesPanel = sales.join();
        Panel<List<CurrencyProducts>> topPanel = topProducts.join();
        Panel<FunnelChart> funnelPanel = funnel.join();
        Panel<List<StockLevel>> stockPanel = lowStock.join();
        Panel<List<Order>> ordersPanel = recentOrders.join();
        boolean analyticsDown = salesPanel.unavailable() || topPanel.unavailable() || funnelPanel.unavailable();
        return OverviewPages.overview(new OverviewView(
                span, RANGES, period, salesPanel, topPanel, funnelPanel, stockPanel, ordersPanel, analyticsDown));
    }

    private static int days(String days) {
        if (days == null || days.isBlank()) {
            return DEFAULT_DAYS;
        }
        try {
            int value = Integer.parseInt(days.strip());
            if (RANGES.contains(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ProblemException.badRequest("INVALID_RANGE", "Choose the last 7, 30 or 90 days.");
    }

    private static CurrencySalesView salesView(CurrencySales sales) {
        String currency = sales.currency();
        List<BarChart.Point> points = sales.series().stream()
                .map(b -> new BarChart.Point(DAY.format(b.start()), b.grossMinor(), describe(b, currency)))
                .toList();
        var chart = BarChart.of(
                "sales-" + currency.toLowerCase(Locale.ROOT),
                "Sales per day in " + currency,
                "Gross sales of paid orders per day, " + points.size() + " days, in " + currency + "; total "
                        + Formats.money(sales.totals().grossMinor(), currency) + ".",
                points,
                minor -> Formats.money(minor, currency));
        return new CurrencySalesView(currency, sales.totals(), sales.changePercent(), chart);
    }

    private static String describe(SalesBucket bucket, String currency) {
        return Formats.money(bucket.grossMinor(), currency) + " from " + bucket.orders()
                + (bucket.orders() == 1 ? " order" : " orders");
    }
}
