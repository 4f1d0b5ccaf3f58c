package com.scalecommerce.web.admin.analytics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the admin pages read of analytics' reports (services/analytics, packages sales, products, funnel,
 * customers, search, inventory). Money is minor units per currency: analytics never adds currencies together, and
 * neither do the pages. Unknown fields are ignored so analytics can grow its answers.
 */
public final class AnalyticsModels {

    private AnalyticsModels() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sales(Instant from, Instant to, String granularity, List<CurrencySales> currencies) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CurrencySales(
            String currency, List<SalesBucket> series, Figures totals, Figures previous, Change changePercent) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SalesBucket(
            Instant start,
            long orders,
            long units,
            long grossMinor,
            long refundsMinor,
            long netMinor,
            long averageOrderValueMinor) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Figures(
            long orders, long units, long grossMinor, long refundsMinor, long netMinor, long averageOrderValueMinor) {}

    /** Percent against the previous period of equal length; null where that figure was 0. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(
            BigDecimal orders,
            BigDecimal units,
            BigDecimal grossMinor,
            BigDecimal refundsMinor,
            BigDecimal netMinor,
            BigDecimal averageOrderValueMinor) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ByProduct(List<CurrencyProducts> currencies) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CurrencyProducts(String currency, List<ProductSales> products) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProductSales(int rank, UUID productId, String name, long units, long orders, long grossMinor) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ByCategory(List<CurrencyCategories> currencies) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CurrencyCategories(String currency, List<CategorySales> categories) {}

    /** {@code categoryId} null: products without a category, or not known to analytics. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CategorySales(UUID categoryId, long units, long orders, long products, long grossMinor) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Products(
            List<CurrencySellers> bestSellersByRevenue,
            List<Seller> bestSellersByUnits,
            List<Viewed> mostViewed,
            List<Conversion> viewToPurchase,
            List<Abandoned> mostAbandoned) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CurrencySellers(String currency, List<Seller> products) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Seller(int rank, UUID productId, String name, long units, long orders, Long grossMinor) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Viewed(int rank, UUID productId, String name, long views, long viewSessions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Conversion(
            int rank,
            UUID productId,
            String name,
            long viewSessions,
            long views,
            long orders,
            long units,
            BigDecimal ratePercent) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Abandoned(int rank, UUID productId, String name, long carts, long units) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Funnel(Instant from, Instant to, String granularity, FunnelStep total, List<FunnelStep> series) {}

    /** Sessions at each step; rates are fractions (0..1) rounded to four places, null with nothing to divide. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FunnelStep(
            Instant bucket,
            long viewed,
            long addedToCart,
            long startedCheckout,
            long paid,
            Double viewToCartRate,
            Double cartToCheckoutRate,
            Double checkoutToPaidRate,
            Double viewToPaidRate,
            Double cartAbandonmentRate) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Customers(
            CustomerBucket total, long repeatCustomers, Double repeatPurchaseRate, List<CustomerBucket> series) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CustomerBucket(
            Instant bucket, long newCustomers, long returningCustomers, long customerOrders, long guestOrders) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cohorts(List<Cohort> cohorts) {}

    /** {@code cohort}: the month of the first paid order, {@code 2026-01}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cohort(String cohort, long customers, List<Retention> retention) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Retention(int monthsLater, long customers, Double share) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TopCustomers(List<CurrencyTop> currencies) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CurrencyTop(String currency, List<TopCustomer> customers) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TopCustomer(UUID userId, long orders, long grossMinor, long refundedMinor, long netMinor) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Searches(
            long searches,
            long zeroResultSearches,
            Double zeroResultRate,
            long distinctQueries,
            List<TopQuery> topQueries,
            List<ZeroResultQuery> zeroResultQueries) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TopQuery(String query, long searches, double averageResults) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ZeroResultQuery(String query, long searches) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Inventory(
            long skuCount,
            long lowStockCount,
            long outOfStockCount,
            long unpricedSkus,
            List<StockValue> stockValue,
            List<Sku> lowStock,
            List<Sku> outOfStock,
            List<Sku> skus) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StockValue(String currency, long valueMinor, long skus) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sku(
            String sku,
            UUID productId,
            String status,
            int onHand,
            int reserved,
            int available,
            int lowStockThreshold,
            long unitsSold,
            Double sellThroughRate,
            Double daysOfCover,
            String currency,
            Long stockValueMinor) {}
}
