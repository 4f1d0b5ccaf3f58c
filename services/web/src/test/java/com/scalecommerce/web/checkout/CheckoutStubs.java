package com.scalecommerce.web.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.scalecommerce.web.storefront.OrdersStub;
import com.scalecommerce.web.storefront.ProductsStub;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The answers of orders' checkout API in their real JSON shapes (orders' ShippingOptionsResource.Answer,
 * pricing.Quote, checkout.CheckoutResult with order.Order, checkout.CheckoutProblem, the sandbox's authentication
 * outcome), and products' product detail for the variants' weights. Served by the shared WireMock stubs.
 */
final class CheckoutStubs {

    static final ObjectMapper JSON = new ObjectMapper();
    static final UUID PRODUCT = UUID.fromString("7d8f1c52-0b53-4a4f-9e3e-1f2a3b4c5d6e");
    static final UUID STANDARD = UUID.fromString("11111111-2222-3333-4444-555555555555");
    static final UUID EXPRESS = UUID.fromString("66666666-7777-8888-9999-000000000000");
    static final UUID ORDER = UUID.fromString("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");

    private CheckoutStubs() {}

    /** A cart of two Sky Kites at €29.99 (orders' CartView), product {@link #PRODUCT}. */
    static Map<String, Object> cart() {
        var line = OrdersStub.line("SKY-L", "Sky Kite", 2999, 2, true, null);
        line.put("productId", PRODUCT);
        return OrdersStub.view(List.of(line), List.of(), 5998, 5998, null, null, null);
    }

    /** Products' public product detail: only the variants' weights matter to checkout. */
    static void productWeights() {
        var variant = new LinkedHashMap<String, Object>();
        variant.put("id", UUID.randomUUID());
        variant.put("sku", "SKY-L");
        variant.put("options", Map.of("size", "L"));
        variant.put("priceMinor", 2999);
        variant.put("compareAtPriceMinor", null);
        variant.put("weightGrams", 300);
        variant.put("available", true);
        var body = new LinkedHashMap<String, Object>();
        body.put("id", PRODUCT);
        body.put("slug", "sky-kite");
        body.put("name", "Sky Kite");
        body.put("currency", "EUR");
        body.put("variants", List.of(variant));
        ProductsStub.server.stubFor(get(urlEqualTo("/api/products/" + PRODUCT)).willReturn(json(200, body)));
    }

    static Map<String, Object> option(UUID id, String name, String kind, long price, int minDays, int maxDays) {
        var option = new LinkedHashMap<String, Object>();
        option.put("methodId", id);
        option.put("name", name);
        option.put("kind", kind);
        option.put("priceMinor", price);
        option.put("currency", "EUR");
        option.put("deliveryEstimate", Map.of("minDays", minDays, "maxDays", maxDays));
        return option;
    }

    static void shippingOptions(String country) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("country", country);
        answer.put("region", "");
        answer.put("currency", "EUR");
        answer.put(
                "options",
                List.of(
                        option(STANDARD, "Standard", "FREE_OVER", 0, 3, 5),
                        option(EXPRESS, "Express", "EXPRESS", 1500, 1, 1)));
        OrdersStub.server.stubFor(
                get(urlPathEqualTo("/api/checkout/shipping-options")).willReturn(json(200, answer)));
    }

    /** Orders' quote for the cart with Express shipping to Germany, 19 % VAT included in the prices. */
    static Map<String, Object> quote(long total) {
        var quote = new LinkedHashMap<String, Object>();
        quote.put("currency", "EUR");
        quote.put("subtotalMinor", 5998);
        quote.put("discountMinor", 0);
        quote.put("shippingMinor", 1500);
        quote.put("taxMinor", 1197);
        quote.put("totalMinor", total);
        quote.put("pricesIncludeTax", true);
        quote.put("taxRatePercent", 19);
        quote.put("shippingTaxMinor", 239);
        quote.put("discount", null);
        quote.put("shipping", option(EXPRESS, "Express", "EXPRESS", 1500, 1, 1));
        quote.put(
                "lines",
                List.of(Map.of(
                        "sku",
                        "SKY-L",
                        "quantity",
                        2,
                        "unitPriceMinor",
                        2999,
                        "amountMinor",
                        5998,
                        "discountMinor",
                        0,
                        "taxMinor",
                        958)));
        return quote;
    }

    static void quotes(long total) {
        OrdersStub.server.stubFor(post(urlEqualTo("/api/checkout/quote")).willReturn(json(200, quote(total))));
    }

    static Map<String, Object> order(String status, String email) {
        var order = new LinkedHashMap<String, Object>();
        order.put("id", ORDER);
        order.put("number", 100042);
        order.put("email", email);
        order.put("status", status);
        order.put("currency", "EUR");
        order.put("subtotalMinor", 5998);
        order.put("discountMinor", 0);
        order.put("shippingMinor", 1500);
        order.put("taxMinor", 1197);
        order.put("totalMinor", 7498);
        order.put("refundedMinor", 0);
        order.put(
                "shippingAddress",
                Map.of(
                        "recipientName",
                        "Grace Hopper",
                        "line1",
                        "Hauptstraße 1",
                        "city",
                        "Berlin",
                        "postalCode",
                        "10115",
                        "country",
                        "DE"));
        order.put("shippingMethod", "Express");
        order.put("createdAt", "2026-03-01T10:00:00Z");
        order.put(
                "lines",
                List.of(Map.of(
                        "sku",
                        "SKY-L",
                        "productId",
                        PRODUCT,
                        "name",
                        "Sky Kite",
                        "options",
                        Map.of("size", "L"),
                        "unitPriceMinor",
                        2999,
                        "quantity",
                        2,
                        "lineTotalMinor",
                        5998,
                        "taxMinor",
                        958,
                        "discountMinor",
                        0)));
        return order;
    }

    /** 201: paid. */
    static void checkoutPays(String email) {
        OrdersStub.server.stubFor(post(urlEqualTo("/api/checkout"))
                .willReturn(json(201, Map.of("order", order("PAID", email), "payment", Map.of("status", "SUCCEEDED")))
                        .withHeader("Location", "/api/orders/" + ORDER)));
    }

    /** 202: the sandbox asks for 3-D Secure. */
    static void checkoutNeedsAuthentication(String email) {
        var payment = new LinkedHashMap<String, Object>();
        payment.put("status", "REQUIRES_ACTION");
        payment.put("clientSecret", "pi_sbx_abc123_secret_def456");
        payment.put("nextActionType", "redirect_to_url");
        payment.put("nextActionUrl", "/api/payments/sandbox/intents/pi_sbx_abc123/authenticate");
        OrdersStub.server.stubFor(post(urlEqualTo("/api/checkout"))
                .willReturn(json(202, Map.of("order", order("PENDING_PAYMENT", email), "payment", payment))));
        OrdersStub.server.stubFor(post(urlEqualTo("/api/payments/sandbox/intents/pi_sbx_abc123/authenticate"))
                .willReturn(json(200, Map.of("id", "pi_sbx_abc123", "status", "succeeded"))));
    }

    /** A checkout problem as orders' CheckoutProblem writes it. */
    static void checkoutRefuses(int status, String code, String detail, Map<String, Object> extensions) {
        var problem = new LinkedHashMap<String, Object>();
        problem.put(
                "type",
                "https://scalecommerce.dev/problems/" + code.toLowerCase().replace('_', '-'));
        problem.put("title", code);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        problem.put("requestId", "req-1");
        problem.putAll(extensions);
        OrdersStub.server.stubFor(post(urlEqualTo("/api/checkout")).willReturn(json(status, problem)));
    }

    static ResponseDefinitionBuilder json(int status, Object body) {
        try {
            return aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", status < 400 ? "application/json" : "application/problem+json")
                    .withBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
