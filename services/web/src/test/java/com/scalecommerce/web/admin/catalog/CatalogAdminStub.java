package com.scalecommerce.web.admin.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.scalecommerce.web.storefront.UsersStub;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Products' and orders' admin answers in their real JSON shapes (products' CatalogViews.AdminProduct,
 * AdminProductSummary, StockLevel, LedgerEntry, Banner; orders' ShippingZone, TaxRate, Discount), including
 * fields the web app ignores. Stubs go on the shared ProductsStub/OrdersStub servers.
 */
public final class CatalogAdminStub {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogAdminStub() {}

    /** Stubs {@code request} on a stand-in service: JSON below 400, problem+json from 400 on. */
    public static void answer(WireMockServer server, MappingBuilder request, int status, Object body) {
        try {
            server.stubFor(request.willReturn(aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", status < 400 ? "application/json" : "application/problem+json")
                    .withBody(body == null ? "" : JSON.writeValueAsString(body))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The first request matching {@code request} answers 503, as a service restarting behind its gateway does; every
     * later one falls through to the other stubs. Shows whether a call is retried: a retried read still gets its
     * answer, a change that is never retried reaches the service exactly once.
     */
    public static void failsOnce(WireMockServer server, MappingBuilder request) {
        server.stubFor(request.atPriority(1)
                .inScenario("fails once: " + UUID.randomUUID())
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("failed once"));
    }

    public static Map<String, Object> variant(UUID id, String sku, long priceMinor, int onHand) {
        var variant = new LinkedHashMap<String, Object>();
        variant.put("id", id);
        variant.put("sku", sku);
        variant.put("options", Map.of("Size", "M"));
        variant.put("priceMinor", priceMinor);
        variant.put("compareAtPriceMinor", null);
        variant.put("weightGrams", 300);
        variant.put("position", 0);
        variant.put("active", true);
        variant.put("onHand", onHand);
        variant.put("reserved", 0);
        return variant;
    }

    public static Map<String, Object> product(UUID id, String name, String status, List<Map<String, Object>> variants) {
        var product = new LinkedHashMap<String, Object>();
        product.put("id", id);
        product.put("slug", name.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
        product.put("name", name);
        product.put("description", "A fine thing.");
        product.put("brand", Map.of("id", UUID.randomUUID(), "slug", "acme", "name", "Acme"));
        product.put("status", status);
        product.put("attributes", Map.of("material", "cotton"));
        product.put("seoTitle", null);
        product.put("seoDescription", null);
        product.put("currency", "USD");
        product.put("minPriceMinor", 1999);
        product.put("maxPriceMinor", 1999);
        product.put("rating", Map.of("average", 0, "count", 0));
        product.put("soldCount", 0);
        product.put("categories", List.of(Map.of("id", UUID.fromString(KITES), "slug", "kites", "name", "Kites")));
        product.put("variants", variants);
        product.put("images", new ArrayList<>());
        product.put("createdAt", "2026-01-01T10:00:00Z");
        product.put("updatedAt", "2026-01-02T10:00:00Z");
        product.put("publishedAt", null);
        return product;
    }

    public static final String KITES = "5f0c1c66-3f7a-4d6e-9a65-0a5b6c0e0001";

    public static List<Map<String, Object>> categoryTree() {
        var kites = new LinkedHashMap<String, Object>();
        kites.put("id", KITES);
        kites.put("parentId", null);
        kites.put("slug", "kites");
        kites.put("name", "Kites");
        kites.put("description", "");
        kites.put("position", 0);
        kites.put("productCount", 3);
        kites.put("children", List.of());
        return List.of(kites);
    }

    public static Map<String, Object> summary(UUID id, String name, String status) {
        var summary = new LinkedHashMap<String, Object>();
        summary.put("id", id);
        summary.put("slug", name.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
        summary.put("name", name);
        summary.put("status", status);
        summary.put("brandName", "Acme");
        summary.put("minPriceMinor", 1999);
        summary.put("maxPriceMinor", 2999);
        summary.put("currency", "USD");
        summary.put("variantCount", 2);
        summary.put("updatedAt", "2026-01-02T10:00:00Z");
        return summary;
    }

    public static Map<String, Object> stock(String sku, UUID productId, int onHand, int reserved, int threshold) {
        var stock = new LinkedHashMap<String, Object>();
        stock.put("sku", sku);
        stock.put("variantId", UUID.randomUUID());
        stock.put("productId", productId);
        stock.put("productName", "Delta kite");
        stock.put("onHand", onHand);
        stock.put("reserved", reserved);
        stock.put("available", onHand - reserved);
        stock.put("lowStockThreshold", threshold);
        stock.put("lowStock", onHand - reserved <= threshold);
        stock.put("outOfStock", onHand - reserved == 0);
        stock.put("updatedAt", "2026-01-02T10:00:00Z");
        return stock;
    }

    public static Map<String, Object> ledgerEntry(String sku, int delta, String reason, String note) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("id", 7);
        entry.put("sku", sku);
        entry.put("deltaOnHand", delta);
        entry.put("deltaReserved", 0);
        entry.put("reason", reason);
        entry.put("actor", "admin:" + AdminSignIn.ADMIN_ID);
        entry.put("reference", "PO-1");
        entry.put("note", note);
        entry.put("at", "2026-01-02T10:00:00Z");
        return entry;
    }

    public static Map<String, Object> banner(UUID id, String headline) {
        var banner = new LinkedHashMap<String, Object>();
        banner.put("id", id);
        banner.put("headline", headline);
        banner.put("text", "All kites");
        banner.put("imageUrl", "https://img.test/sale.png");
        banner.put("imageKey", null);
        banner.put("link", "/c/kites");
        banner.put("position", 0);
        banner.put("startsAt", "2026-05-01T09:30:00Z");
        banner.put("endsAt", null);
        banner.put("createdAt", "2026-01-01T10:00:00Z");
        banner.put("updatedAt", "2026-01-01T10:00:00Z");
        return banner;
    }

    public static Map<String, Object> discount(UUID id, String code, boolean active, int used) {
        var discount = new LinkedHashMap<String, Object>();
        discount.put("id", id);
        discount.put("code", code);
        discount.put("kind", "PERCENTAGE");
        discount.put("percentOff", 10.00);
        discount.put("amountOffMinor", null);
        discount.put("currency", null);
        discount.put("minSubtotalMinor", null);
        discount.put("startsAt", null);
        discount.put("endsAt", "2026-12-31T23:59:00Z");
        discount.put("usageLimit", 100);
        discount.put("perCustomerLimit", 1);
        discount.put("used", used);
        discount.put("active", active);
        discount.put("createdAt", "2026-01-01T10:00:00Z");
        discount.put("updatedAt", "2026-01-01T10:00:00Z");
        return discount;
    }

    public static Map<String, Object> zone(UUID id, String name, List<Map<String, Object>> methods) {
        var zone = new LinkedHashMap<String, Object>();
        zone.put("id", id);
        zone.put("name", name);
        zone.put("areas", List.of(Map.of("country", "US", "region", ""), Map.of("country", "CA", "region", "QC")));
        zone.put("methods", methods);
        zone.put("createdAt", "2026-01-01T10:00:00Z");
        zone.put("updatedAt", "2026-01-01T10:00:00Z");
        return zone;
    }

    public static Map<String, Object> page(List<?> items, String nextCursor) {
        var page = new LinkedHashMap<String, Object>();
        page.put("items", items);
        page.put("nextCursor", nextCursor);
        return page;
    }

    /** A 400 validation problem as platform-web writes it, with field errors. */
    public static Map<String, Object> invalid(String field, String message) {
        var problem = new LinkedHashMap<String, Object>(
                UsersStub.problem(400, "VALIDATION_FAILED", "One or more fields are invalid."));
        problem.put("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
