package com.scalecommerce.web.admin.analytics;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every report analytics exposes, by the name its CSV download carries in the admin's URL
 * ({@code /admin/reports/<slug>.csv}) and where it lives at analytics.
 */
public enum Report {
    SALES("sales", "Sales over time", "sales", null, null),
    SALES_BY_PRODUCT("sales-by-product", "Sales by product", "sales", "by-product", 100),
    SALES_BY_CATEGORY("sales-by-category", "Sales by category", "sales", "by-category", null),
    PRODUCTS("products", "Products", "products", null, 100),
    FUNNEL("funnel", "Storefront funnel", "funnel", null, null),
    CUSTOMERS("customers", "New and returning customers", "customers", null, null),
    CUSTOMER_COHORTS("customer-cohorts", "Customer cohorts", "customers", "cohorts", null),
    TOP_CUSTOMERS("top-customers", "Top customers by lifetime value", "customers", "top", 100),
    SEARCH("search", "Search", "search", null, 100),
    INVENTORY("inventory", "Inventory", "inventory", null, 1000);

    private final String slug;
    private final String title;
    final String dashboard;
    final String view;
    private final Integer downloadLimit;

    Report(String slug, String title, String dashboard, String view, Integer downloadLimit) {
        this.slug = slug;
        this.title = title;
        this.dashboard = dashboard;
        this.view = view;
        this.downloadLimit = downloadLimit;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** A report whose figures run over a series of buckets, so the "group by" choice applies to it. */
    public boolean bucketed() {
        return this == SALES || this == FUNNEL || this == CUSTOMERS;
    }

    /** Everything but lifetime value covers the chosen period. */
    public boolean periodic() {
        return this != TOP_CUSTOMERS;
    }

    /** A download holds as many rows as analytics allows (its maximum limit); null where there is no limit. */
    Integer downloadLimit() {
        return downloadLimit;
    }

    public static Optional<Report> bySlug(String slug) {
        return Arrays.stream(values()).filter(r -> r.slug.equals(slug)).findFirst();
    }
}
