package com.scalecommerce.web.storefront;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for the products service with the JSON shapes of its real answers (CatalogViews.ProductDetail,
 * ProductListing.Page, HomePage, Categories.CategoryNode, ReviewPage, Suggestions.Suggested), including fields the
 * web app ignores.
 */
public class ProductsStub implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of("scalecommerce.products.url", "http://127.0.0.1:" + server.port());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static void home(List<Map<String, Object>> banners, List<Map<String, Object>> featured) {
        serve(
                "/api/merchandising/home",
                Map.of("banners", banners, "featured", featured, "newArrivals", List.of(), "bestSellers", List.of()));
    }

    public static Map<String, Object> banner(String headline, String link) {
        var banner = new LinkedHashMap<String, Object>();
        banner.put("id", UUID.randomUUID());
        banner.put("headline", headline);
        banner.put("text", "Only this week");
        banner.put("imageUrl", "https://img.test/banner.png");
        banner.put("link", link);
        banner.put("startsAt", null);
        banner.put("endsAt", null);
        return banner;
    }

    public static Map<String, Object> card(String name, String slug, long minPrice) {
        var card = new LinkedHashMap<String, Object>();
        card.put("id", UUID.randomUUID());
        card.put("name", name);
        card.put("slug", slug);
        card.put("currency", "EUR");
        card.put("minPriceMinor", minPrice);
        card.put("maxPriceMinor", minPrice);
        card.put("imageUrl", "https://img.test/" + slug + ".png");
        card.put("ratingAvg", 4.5);
        card.put("ratingCount", 12);
        return card;
    }

    public static void categories(String... namesAndSlugs) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < namesAndSlugs.length; i += 2) {
            var node = new LinkedHashMap<String, Object>();
            node.put("id", UUID.randomUUID());
            node.put("parentId", null);
            node.put("slug", namesAndSlugs[i + 1]);
            node.put("name", namesAndSlugs[i]);
            node.put("description", null);
            node.put("position", i);
            node.put("productCount", 3);
            node.put("children", List.of());
            items.add(node);
        }
        serve("/api/categories", Map.of("items", items));
    }

    public static Map<String, Object> item(String name, String slug, long price, boolean inStock) {
        var item = new LinkedHashMap<String, Object>();
        item.put("id", UUID.randomUUID());
        item.put("slug", slug);
        item.put("name", name);
        item.put("brand", Map.of("id", UUID.randomUUID(), "slug", "acme", "name", "Acme"));
        item.put("priceMinor", price);
        item.put("maxPriceMinor", price);
        item.put("compareAtPriceMinor", null);
        item.put("currency", "EUR");
        item.put("rating", Map.of("average", 4.0, "count", 3));
        item.put("inStock", inStock);
        item.put("imageUrl", "https://img.test/" + slug + ".png");
        return item;
    }

    /** A first page (with total and facets) answering any listing whose query has this parameter value. */
    public static void listing(
            String param, String value, List<Map<String, Object>> items, String nextCursor, boolean approximate) {
        var facets = new LinkedHashMap<String, Object>();
        facets.put(
                "categories", List.of(Map.of("id", UUID.randomUUID(), "slug", "kites", "name", "Kites", "count", 2)));
        facets.put("brands", List.of(Map.of("id", UUID.randomUUID(), "slug", "acme", "name", "Acme", "count", 2)));
        facets.put(
                "priceRanges",
                List.of(
                        mapOf("minPriceMinor", null, "maxPriceMinor", 2500, "count", 1),
                        mapOf("minPriceMinor", 2500, "maxPriceMinor", null, "count", 1)));
        facets.put("ratings", List.of(Map.of("minRating", 4, "count", 2)));
        facets.put("availability", Map.of("inStock", 2, "outOfStock", 0));
        facets.put(
                "attributes", List.of(Map.of("name", "colour", "values", List.of(Map.of("value", "red", "count", 2)))));
        var page = new LinkedHashMap<String, Object>();
        page.put("items", items);
        page.put("nextCursor", nextCursor);
        page.put("sort", "newest");
        page.put("approximate", approximate);
        page.put("total", items.size());
        page.put("facets", facets);
        try {
            server.stubFor(get(urlPathEqualTo("/api/products"))
                    .withQueryParam(param, com.github.tomakehurst.wiremock.client.WireMock.equalTo(value))
                    .willReturn(json(JSON.writeValueAsString(page))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Sku(String sku, String size, long priceMinor, boolean available) {}

    /** A product served by slug; each SKU gets its own image, and the product one more shared image. */
    public static UUID product(String slug, String name, Sku... skus) {
        UUID id = UUID.randomUUID();
        List<Map<String, Object>> variants = new ArrayList<>();
        List<Map<String, Object>> images = new ArrayList<>();
        images.add(image(null, "https://img.test/" + slug + "-shared.png"));
        for (Sku sku : skus) {
            UUID variantId = UUID.randomUUID();
            var variant = new LinkedHashMap<String, Object>();
            variant.put("id", variantId);
            variant.put("sku", sku.sku());
            variant.put("options", Map.of("size", sku.size()));
            variant.put("priceMinor", sku.priceMinor());
            variant.put("compareAtPriceMinor", null);
            variant.put("weightGrams", 300);
            variant.put("available", sku.available());
            variants.add(variant);
            images.add(image(variantId, "https://img.test/" + sku.sku() + ".png"));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("id", id);
        body.put("slug", slug);
        body.put("name", name);
        body.put("description", "Flies in light wind.");
        body.put("brand", Map.of("id", UUID.randomUUID(), "slug", "acme", "name", "Acme"));
        body.put("attributes", Map.of());
        body.put("seoTitle", null);
        body.put("seoDescription", null);
        body.put("currency", "EUR");
        body.put("priceMinor", skus[0].priceMinor());
        body.put("maxPriceMinor", skus[skus.length - 1].priceMinor());
        body.put("rating", Map.of("average", 4.5, "count", 2));
        body.put("inStock", true);
        body.put(
                "categories",
                List.of(mapOf("id", UUID.randomUUID(), "parentId", null, "slug", "kites", "name", "Kites")));
        body.put("variants", variants);
        body.put("images", images);
        body.put("publishedAt", "2026-01-01T00:00:00Z");
        serve("/api/products/" + slug, body);
        return id;
    }

    public static void reviews(UUID productId, String title, String text) {
        var review = new LinkedHashMap<String, Object>();
        review.put("id", UUID.randomUUID());
        review.put("productId", productId);
        review.put("authorName", "Ann");
        review.put("rating", 5);
        review.put("title", title);
        review.put("text", text);
        review.put("verifiedPurchase", true);
        review.put("helpfulCount", 0);
        review.put("createdAt", "2026-01-02T00:00:00Z");
        review.put("updatedAt", "2026-01-02T00:00:00Z");
        serve(
                "/api/products/" + productId + "/reviews",
                Map.of(
                        "items", List.of(review),
                        "summary",
                                Map.of(
                                        "ratingAvg",
                                        4.5,
                                        "ratingCount",
                                        2,
                                        "histogram",
                                        Map.of("1", 0, "2", 0, "3", 0, "4", 1, "5", 1))));
    }

    public static void failing(String path, int status) {
        server.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":" + status + "}")));
    }

    public static void suggest(String q, String productName) {
        serve(
                "/api/search/suggest",
                Map.of(
                        "query", q,
                        "products", List.of(Map.of("id", UUID.randomUUID(), "slug", "s", "name", productName)),
                        "categories", List.of(),
                        "brands", List.of()));
    }

    private static Map<String, Object> image(UUID variantId, String url) {
        return mapOf(
                "id", UUID.randomUUID(), "variantId", variantId, "url", url, "alt", null, "width", 800, "height", 800);
    }

    private static Map<String, Object> mapOf(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static void serve(String path, Object body) {
        try {
            server.stubFor(get(urlPathEqualTo(path)).willReturn(json(JSON.writeValueAsString(body))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }
}
