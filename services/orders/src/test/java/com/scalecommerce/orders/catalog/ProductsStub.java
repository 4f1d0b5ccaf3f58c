package com.scalecommerce.orders.catalog;

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
 * Stands in for the products service: answers {@code GET /api/products/{id}} with the JSON shape of products'
 * {@code CatalogViews.ProductDetail} (including fields orders ignores), or with failures on demand.
 */
public class ProductsStub implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer server;

    /** {@code weightGrams} is the variant's unit weight as products serves it (null: products has none). */
    public record Sku(String sku, long priceMinor, boolean available, Integer weightGrams) {

        public Sku(String sku, long priceMinor, boolean available) {
            this(sku, priceMinor, available, 300);
        }
    }

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

    /** An ACTIVE product in EUR with these SKUs; returns its id. */
    public static UUID product(String name, Sku... skus) {
        UUID id = UUID.randomUUID();
        serve(id, "EUR", name, skus);
        return id;
    }

    public static void serve(UUID id, String currency, String name, Sku... skus) {
        List<Map<String, Object>> variants = new ArrayList<>();
        List<Map<String, Object>> images = new ArrayList<>();
        for (Sku sku : skus) {
            UUID variantId = UUID.randomUUID();
            var variant = new LinkedHashMap<String, Object>();
            variant.put("id", variantId);
            variant.put("sku", sku.sku());
            variant.put("options", Map.of("size", "M"));
            variant.put("priceMinor", sku.priceMinor());
            variant.put("compareAtPriceMinor", null);
            variant.put("weightGrams", sku.weightGrams());
            variant.put("available", sku.available());
            variants.add(variant);
            images.add(Map.of(
                    "id",
                    UUID.randomUUID(),
                    "variantId",
                    variantId,
                    "url",
                    "https://img.test/" + sku.sku() + ".jpg",
                    "alt",
                    name,
                    "width",
                    800,
                    "height",
                    800));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("id", id);
        body.put("slug", "p-" + id);
        body.put("name", name);
        body.put("description", "A product.");
        body.put("brand", null);
        body.put("attributes", Map.of());
        body.put("seoTitle", null);
        body.put("seoDescription", null);
        body.put("currency", currency);
        body.put("priceMinor", skus.length == 0 ? null : skus[0].priceMinor());
        body.put("maxPriceMinor", skus.length == 0 ? null : skus[0].priceMinor());
        body.put("rating", Map.of("average", 0, "count", 0));
        body.put("inStock", true);
        body.put("categories", List.of());
        body.put("variants", variants);
        body.put("images", images);
        body.put("publishedAt", "2026-01-01T00:00:00Z");
        try {
            server.stubFor(get(urlPathEqualTo("/api/products/" + id))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody(JSON.writeValueAsString(body))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void failing(UUID id, int status) {
        server.stubFor(get(urlPathEqualTo("/api/products/" + id))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":" + status + "}")));
    }

    public static void hanging(UUID id, int delayMillis) {
        server.stubFor(get(urlPathEqualTo("/api/products/" + id))
                .willReturn(aResponse()
                        .withFixedDelay(delayMillis)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{}")));
    }

    /** The next call for this product fails with a 503; later calls get the product served before. */
    public static void failOnce(UUID id) {
        server.stubFor(get(urlPathEqualTo("/api/products/" + id))
                .inScenario("flaky-" + id)
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(503)));
    }

    public static int calls(UUID id) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        urlPathEqualTo("/api/products/" + id)))
                .size();
    }
}
