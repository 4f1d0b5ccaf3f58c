package com.scalecommerce.web.admin.overview;

import com.scalecommerce.web.admin.analytics.AnalyticsModels.Change;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.CurrencyProducts;
import com.scalecommerce.web.admin.analytics.AnalyticsModels.Figures;
import com.scalecommerce.web.admin.analytics.Panel;
import com.scalecommerce.web.admin.analytics.Period;
import com.scalecommerce.web.admin.orders.AdminOrderModels.Order;
import com.scalecommerce.web.admin.overview.LowStockApi.StockLevel;
import java.util.List;

/**
 * What the overview shows. A panel whose service failed is present with its reason (see {@link Panel}); the
 * charts and lists are null or empty then.
 *
 * @param analyticsDown analytics could not be reached for at least one panel: the page says so once, on top
 */
record OverviewView(
        int days,
        List<Integer> choices,
        Period period,
        Panel<List<CurrencySalesView>> sales,
        Panel<List<CurrencyProducts>> topProducts,
        Panel<FunnelChart> funnel,
        Panel<List<StockLevel>> lowStock,
        Panel<List<Order>> recentOrders,
        boolean analyticsDown) {

    /** One currency's sales: analytics never adds currencies together, so neither does the page. */
    record CurrencySalesView(String currency, Figures totals, Change change, BarChart chart) {}
}
