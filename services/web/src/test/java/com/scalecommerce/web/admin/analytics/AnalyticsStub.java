package com.scalecommerce.web.admin.analytics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Stands in for the analytics service with the JSON shapes of its real reports (services/analytics: SalesReport,
 * ProductsReport, FunnelReport, CustomersReport, SearchReport, InventoryReport records, serialised as analytics
 * does: ISO instants, rates as fractions, money in minor units per currency), fields the web app ignores included,
 * and its CSV attachments.
 */
public class AnalyticsStub implements QuarkusTestResourceLifecycleManager {

    public static final String BASE = "/api/admin/analytics";
    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of("scalecommerce.analytics.url", "http://127.0.0.1:" + server.port());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Every report answers a small, realistic shop: USD sales over three days, two products, one low SKU. */
    public static void answersEveryReport() {
        json("/sales", SALES);
        json("/sales/by-product", BY_PRODUCT);
        json("/sales/by-category", BY_CATEGORY);
        json("/products", PRODUCTS);
        json("/funnel", FUNNEL);
        json("/customers", CUSTOMERS);
        json("/customers/cohorts", COHORTS);
        json("/customers/top", TOP_CUSTOMERS);
        json("/search", SEARCH);
        json("/inventory", INVENTORY);
    }

    /** Analytics is down: every call answers 503, as a gateway in front of a stopped analytics does. */
    public static void down() {
        server.stubFor(any(urlPathMatching(BASE + "/.*"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(503)));
    }

    /** A report's CSV as analytics sends it ({@code Csv.attachment}): text/csv, attachment, no-store. */
    public static void csv(String path, String body) {
        server.stubFor(get(urlPathEqualTo(BASE + path))
                .withQueryParam("format", equalTo("csv"))
                .atPriority(2)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/csv; charset=utf-8")
                        .withHeader("Content-Disposition", "attachment; filename=\"report.csv\"")
                        .withHeader("Cache-Control", "no-store")
                        .withBody(body)));
    }

    public static void json(String path, String body) {
        server.stubFor(get(urlPathEqualTo(BASE + path))
                .atPriority(5)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    public static void problem(String path, int status, String code, String detail) {
        server.stubFor(get(urlPathEqualTo(BASE + path))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":" + status
                                + ",\"code\":\"" + code + "\",\"detail\":\"" + detail + "\"}")));
    }

    public static final String SALES = """
            {"from":"2026-03-01T00:00:00Z","to":"2026-03-04T00:00:00Z","granularity":"day",
             "previousFrom":"2026-02-26T00:00:00Z","previousTo":"2026-03-01T00:00:00Z",
             "currencies":[{"currency":"USD",
               "series":[
                 {"start":"2026-03-01T00:00:00Z","orders":2,"units":4,"grossMinor":7001,"refundsMinor":0,"netMinor":7001,"averageOrderValueMinor":3501},
                 {"start":"2026-03-02T00:00:00Z","orders":0,"units":0,"grossMinor":0,"refundsMinor":0,"netMinor":0,"averageOrderValueMinor":0},
                 {"start":"2026-03-03T00:00:00Z","orders":1,"units":1,"grossMinor":1500,"refundsMinor":2000,"netMinor":-500,"averageOrderValueMinor":1500}],
               "totals":{"orders":3,"units":5,"grossMinor":8501,"refundsMinor":2000,"netMinor":6501,"averageOrderValueMinor":2834},
               "previous":{"orders":1,"units":2,"grossMinor":4000,"refundsMinor":0,"netMinor":4000,"averageOrderValueMinor":4000},
               "changePercent":{"orders":200.0,"units":150.0,"grossMinor":112.5,"refundsMinor":null,"netMinor":62.5,"averageOrderValueMinor":-29.2}}]}
            """;

    public static final String BY_PRODUCT = """
            {"from":"2026-03-01T00:00:00Z","to":"2026-03-04T00:00:00Z","limit":5,
             "currencies":[{"currency":"USD","products":[
               {"rank":1,"productId":"8f1c1a52-8a53-4c8e-9e0c-1d1b6f0c0a01","name":"Sky Kite","units":3,"orders":2,"grossMinor":5997},
               {"rank":2,"productId":"8f1c1a52-8a53-4c8e-9e0c-1d1b6f0c0a02","name":"<b>Kite</b> String","units":2,"orders":1,"grossMinor":2504}]}]}
            """;

    public static final String BY_CATEGORY = """
            {"from":"2026-03-01T00:00:00Z","to":"2026-03-04T00:00:00Z",
             "currencies":[{"currency":"USD","categories":[
               {"categoryId":"5b0c7c1e-36a4-4d2b-8d5e-0b7f3f7e0c11","units":3,"orders":2,"products":1,"grossMinor":5997},
               {"categoryId":null,"units":2,"orders":1,"products":1,"grossMinor":2504}]}]}
            """;

    public static final String PRODUCTS = """
            {"from":"2026-03-01T00:00:00Z","to":"2026-03-04T00:00:00Z","limit":10,
             "bestSellersByRevenue":[{"currency":"USD","products":[{"rank":1,"productId":"8f1c1a52-8a53-4c8e-9e0c-1d1b6f0c0a01","name":"Sky Kite","units":3,"orders":2,"grossMinor":5997}]}],
             "bestSellersByUnits":[{"rank":1,"productId":"8f1c1a52-8a53-4c8e-9e0c-1d1b6f0c0a01","name":"Sky Kite","units":3,"orders":2,"grossMinor":null}],
             "mostViewed":[{"rank":1,"productId":"8f1c1a52-8a53-4c8e-9e0c-1d1b6f0c0a01","name":"Sky Kite","views":40,"viewSessions":25}],
             "viewToPurchase":[{"rank":1,"productId":"8f1c1a52-8a53-4c8e-9e0c-1d1b6f0c0a01","name":"Sky Kite","viewSessions":25,"views":40,"orders":2,"units":3,"ratePercent":8.0}],
             "mostAbandoned":[{"rank":1,"productId":"8f1c1a52-8a53-4c8e-9e0c-1d1b6f0c0a02","name":"Kite String","carts":4,"units":5}]}
            """;

    public static final String FUNNEL = """
            {"from":"2026-03-01T00:00:00Z","to":"2026-03-04T00:00:00Z","granularity":"week",
             "total":{"bucket":null,"viewed":120,"addedToCart":30,"startedCheckout":12,"paid":9,
                      "viewToCartRate":0.25,"cartToCheckoutRate":0.4,"checkoutToPaidRate":0.75,"viewToPaidRate":0.075,"cartAbandonmentRate":0.7},
             "series":[{"bucket":"2026-02-23T00:00:00Z","viewed":120,"addedToCart":30,"startedCheckout":12,"paid":9,
                      "viewToCartRate":0.25,"cartToCheckoutRate":0.4,"checkoutToPaidRate":0.75,"viewToPaidRate":0.075,"cartAbandonmentRate":0.7}]}
            """;

    public static final String CUSTOMERS = """
            {"from":"2026-03-01T00:00:00Z","to":"2026-03-04T00:00:00Z","granularity":"day",
             "total":{"bucket":null,"newCustomers":2,"returningCustomers":1,"customerOrders":3,"guestOrders":1},
             "repeatCustomers":1,"repeatPurchaseRate":0.3333,
             "series":[{"bucket":"2026-03-01T00:00:00Z","newCustomers":2,"returningCustomers":1,"customerOrders":3,"guestOrders":1}]}
            """;

    public static final String COHORTS = """
            {"from":"2025-03-01T00:00:00Z","to":"2026-03-04T00:00:00Z",
             "cohorts":[{"cohort":"2026-01","customers":4,"retention":[{"monthsLater":1,"customers":1,"share":0.25},{"monthsLater":2,"customers":0,"share":0.0}]}]}
            """;

    public static final String TOP_CUSTOMERS = """
            {"limit":20,"currencies":[{"currency":"USD","customers":[
              {"userId":"0b8e8e8e-1111-4a4a-9b9b-222233334444","orders":3,"grossMinor":12000,"refundedMinor":2000,"netMinor":10000}]}]}
            """;

    public static final String SEARCH = """
            {"from":"2026-03-01T00:00:00Z","to":"2026-03-04T00:00:00Z","searches":50,"zeroResultSearches":5,
             "zeroResultRate":0.1,"distinctQueries":12,
             "topQueries":[{"query":"kite","searches":20,"averageResults":7.5}],
             "zeroResultQueries":[{"query":"drone","searches":5}]}
            """;

    public static final String INVENTORY = """
            {"from":"2026-03-01T00:00:00Z","to":"2026-03-04T00:00:00Z","skuCount":2,"lowStockCount":1,"outOfStockCount":0,
             "unpricedSkus":0,"stockValue":[{"currency":"USD","valueMinor":59980,"skus":2}],
             "lowStock":[{"sku":"STRING-50","productId":"8f1c1a52-8a53-4c8e-9e0c-1d1b6f0c0a02","status":"LOW_STOCK","onHand":3,"reserved":0,"available":3,"lowStockThreshold":5,"unitsSold":2,"sellThroughRate":0.4,"daysOfCover":4.5,"currency":"USD","stockValueMinor":3756}],
             "outOfStock":[],
             "skus":[{"sku":"SKY-L","productId":"8f1c1a52-8a53-4c8e-9e0c-1d1b6f0c0a01","status":"IN_STOCK","onHand":20,"reserved":1,"available":19,"lowStockThreshold":5,"unitsSold":3,"sellThroughRate":0.1304,"daysOfCover":20.0,"currency":"USD","stockValueMinor":56224}]}
            """;
}
