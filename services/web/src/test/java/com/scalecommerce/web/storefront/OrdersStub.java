package com.scalecommerce.web.storefront;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for the orders service's guest cart API with the JSON shape of its real cart view (orders'
 * CartView, CartAdjustment) and its X-Cart-Token header.
 */
public class OrdersStub implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String TOKEN = "Q2FydFRva2VuLTE5Mi1iaXRzLWFiY2Rl"; // 32 characters, base64url, like orders'
    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of("scalecommerce.orders.url", "http://127.0.0.1:" + server.port());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /**
     * Every cart read (any /api/cart path) answers this view and echoes the token; a change sent with
     * {@code Prefer: return=minimal}, as the storefront sends them, answers 204 with the token, as orders does.
     */
    public static void answers(Map<String, Object> view) {
        stub(any(urlPathMatching("/api/cart.*")), 200, view);
        server.stubFor(any(urlPathMatching("/api/cart.*"))
                .withHeader("Prefer", equalTo("return=minimal"))
                .willReturn(aResponse()
                        .withStatus(204)
                        .withHeader("Preference-Applied", "return=minimal")
                        .withHeader("X-Cart-Token", TOKEN)));
    }

    public static void stub(MappingBuilder request, int status, Object body) {
        try {
            server.stubFor(request.willReturn(aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", status < 400 ? "application/json" : "application/problem+json")
                    .withHeader("X-Cart-Token", TOKEN)
                    .withBody(JSON.writeValueAsString(body))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> problem(int status, String code, String detail) {
        return Map.of(
                "type", "https://scalecommerce.dev/problems/" + code.toLowerCase(),
                "title", "Unprocessable",
                "status", status,
                "detail", detail,
                "code", code);
    }

    public static Map<String, Object> line(
            String sku, String name, long unitPrice, int quantity, boolean available, Long previousPrice) {
        var line = new LinkedHashMap<String, Object>();
        line.put("sku", sku);
        line.put("productId", UUID.randomUUID());
        line.put("name", name);
        line.put("options", Map.of("size", "L"));
        line.put("image", "https://img.test/" + sku + ".png");
        line.put("unitPriceMinor", unitPrice);
        line.put("quantity", quantity);
        line.put("lineTotalMinor", available ? unitPrice * quantity : 0);
        line.put("available", available);
        line.put("priceChanged", previousPrice != null);
        line.put("previousUnitPriceMinor", previousPrice);
        return line;
    }

    public static Map<String, Object> adjustment(
            String kind, String code, String label, long amount, boolean included) {
        var a = new LinkedHashMap<String, Object>();
        a.put("kind", kind);
        a.put("code", code);
        a.put("label", label);
        a.put("amountMinor", amount);
        a.put("included", included);
        return a;
    }

    public static Map<String, Object> view(
            List<Map<String, Object>> lines,
            List<Map<String, Object>> adjustments,
            long subtotal,
            long total,
            String discountCode,
            Map<String, Object> discountProblem,
            Map<String, Object> destination) {
        var view = new LinkedHashMap<String, Object>();
        view.put("lines", lines);
        view.put("currency", "EUR");
        view.put("subtotalMinor", subtotal);
        view.put("itemCount", lines.size());
        view.put("adjustments", adjustments);
        view.put("totalMinor", total);
        view.put(
                "needsAttention",
                discountProblem != null || lines.stream().anyMatch(l -> !(boolean) l.get("available")));
        view.put("discountCode", discountCode);
        view.put("discountProblem", discountProblem);
        view.put("destination", destination);
        return view;
    }

    public static Map<String, Object> emptyView() {
        return view(List.of(), List.of(), 0, 0, null, null, null);
    }
}
