package com.scalecommerce.web.admin.reports;

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
import com.scalecommerce.web.admin.analytics.Panel;
import com.scalecommerce.web.admin.analytics.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Every analytics report for one period, each loaded on its own (a failed one says so in its place).
 *
 * @param form what the form shows: the period asked for, or the defaults when the input was not a period
 * @param problem why the form's input is not a period (nothing was loaded then), else null
 * @param categoryNames products' category names by id (analytics knows categories by id only); empty when products
 *     could not be asked, and the report then shows the ids
 */
record ReportsView(
        Period form,
        List<String> granularities,
        String problem,
        Panel<Sales> sales,
        Panel<ByProduct> byProduct,
        Panel<ByCategory> byCategory,
        Panel<Products> products,
        Panel<Funnel> funnel,
        Panel<Customers> customers,
        Panel<Cohorts> cohorts,
        Panel<TopCustomers> topCustomers,
        Panel<Searches> search,
        Panel<Inventory> inventory,
        Map<UUID, String> categoryNames) {

    static ReportsView invalid(Period defaults, String problem) {
        return new ReportsView(
                defaults,
                Period.GRANULARITIES,
                problem,
                Panel.notLoaded(),
                Panel.notLoaded(),
                Panel.notLoaded(),
                Panel.notLoaded(),
                Panel.notLoaded(),
                Panel.notLoaded(),
                Panel.notLoaded(),
                Panel.notLoaded(),
                Panel.notLoaded(),
                Panel.notLoaded(),
                Map.of());
    }

    /** A sales-by-category row's label: the category's name, or its id when products does not know it now. */
    public String categoryName(UUID id) {
        if (id == null) {
            return "No category";
        }
        String name = categoryNames.get(id);
        return name != null ? name : "Category " + id + " (not in the catalog now)";
    }

    /** Analytics could not be reached for at least one report: the page says so once, on top. */
    public boolean analyticsDown() {
        return Stream.of(
                        sales,
                        byProduct,
                        byCategory,
                        products,
                        funnel,
                        customers,
                        cohorts,
                        topCustomers,
                        search,
                        inventory)
                .anyMatch(Panel::unavailable);
    }

    /** The CSV download of a report for this period: {@code /admin/reports/<slug>.csv?from=…}. */
    public String csv(String slug) {
        return "/admin/reports/" + slug + ".csv?" + form.query();
    }
}
