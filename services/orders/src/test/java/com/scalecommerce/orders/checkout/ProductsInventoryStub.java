package com.scalecommerce.orders.checkout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stands in, inside the orders tests, for products' reservation API and users' token and address-book endpoints,
 * answering with their documented shapes and status codes. Holds stock per SKU in memory with the same
 * all-or-nothing, idempotent-by-id rules as products. The real services are exercised together in tests/e2e.
 */
public class ProductsInventoryStub implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpServer server;

    /** Free stock per SKU; a SKU never set is unlimited. */
    static final Map<String, Integer> stock = new ConcurrentHashMap<>();
    /** Reservation id -> status (OPEN, COMMITTED, RELEASED, RESTOCKED) and its lines. */
    static final Map<String, String> reservations = new ConcurrentHashMap<>();

    static final Map<String, Map<String, Integer>> reservedLines = new ConcurrentHashMap<>();
    /** Saved addresses by "owner's access token|address id": only its owner's token reads an entry. */
    static final Map<String, Map<String, Object>> addresses = new ConcurrentHashMap<>();

    /** client_credentials tokens handed out: orders should ask once, not once per checkout. */
    static final AtomicInteger tokenRequests = new AtomicInteger();
    /** When "503", reservation calls answer 503 (products overloaded or down). */
    static final AtomicReference<String> failure = new AtomicReference<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/auth/token", this::token);
        server.createContext("/api/inventory/reservations", this::reservation);
        server.createContext("/api/users/me/addresses", this::address);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "quarkus.rest-client.inventory.url", url,
                "quarkus.rest-client.users-token.url", url,
                "quarkus.rest-client.users.url", url,
                "scalecommerce.orders.inventory.client-secret", "test-secret");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static int free(String sku) {
        return stock.getOrDefault(sku, Integer.MAX_VALUE);
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!form.contains("grant_type=client_credentials") || !form.contains("client_secret=test-secret")) {
            send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        tokenRequests.incrementAndGet();
        send(exchange, 200, "{\"access_token\":\"service-token\",\"token_type\":\"Bearer\",\"expires_in\":900}");
    }

    private void address(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/api/users/me/addresses/".length());
        String bearer = exchange.getRequestHeaders().getFirst("Authorization");
        var entry = bearer == null ? null : addresses.get(bearer.substring("Bearer ".length()) + "|" + id);
        if (entry == null) {
            send(exchange, 404, "{\"status\":404,\"code\":\"ADDRESS_NOT_FOUND\"}");
            return;
        }
        send(exchange, 200, JSON.writeValueAsString(entry));
    }

    private void reservation(HttpExchange exchange) throws IOException {
        if (!"Bearer service-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"status\":401}");
            return;
        }
        String mode = failure.get();
        if ("503".equals(mode)) {
            send(exchange, 503, "{\"status\":503}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        synchronized (ProductsInventoryStub.class) {
            if (path.equals("/api/inventory/reservations") && method.equals("POST")) {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                String id = body.path("reservationId").asText();
                if (reservations.containsKey(id)) {
                    send(exchange, 201, view(id));
                    return;
                }
                var shortages = new ArrayList<Map<String, Object>>();
                var lines = new java.util.LinkedHashMap<String, Integer>();
                for (JsonNode line : body.path("lines")) {
                    String sku = line.path("sku").asText();
                    int quantity = line.path("quantity").asInt();
                    lines.merge(sku, quantity, Integer::sum);
                }
                lines.forEach((sku, quantity) -> {
                    if (free(sku) < quantity) {
                        shortages.add(Map.of("sku", sku, "requested", quantity, "available", free(sku)));
                    }
                });
                if (!shortages.isEmpty()) {
                    send(
                            exchange,
                            409,
                            JSON.writeValueAsString(
                                    Map.of("status", 409, "code", "OUT_OF_STOCK", "shortages", shortages)));
                    return;
                }
                lines.forEach((sku, quantity) -> stock.computeIfPresent(sku, (s, free) -> free - quantity));
                reservations.put(id, "OPEN");
                reservedLines.put(id, lines);
                send(exchange, 201, view(id));
                return;
            }
            String rest = path.substring("/api/inventory/reservations/".length());
            String id = rest.endsWith("/commit") || rest.endsWith("/restock")
                    ? rest.substring(0, rest.lastIndexOf('/'))
                    : rest;
            String status = reservations.get(id);
            if (status == null) {
                send(exchange, 404, "{\"status\":404,\"code\":\"RESERVATION_NOT_FOUND\"}");
                return;
            }
            if (rest.endsWith("/commit")) {
                if (status.equals("OPEN")) {
                    reservations.put(id, "COMMITTED");
                } else if (!status.equals("COMMITTED")) {
                    send(exchange, 409, "{\"status\":409,\"code\":\"RESERVATION_EXPIRED\"}");
                    return;
                }
            } else if (rest.endsWith("/restock")) {
                if (status.equals("COMMITTED")) {
                    giveBack(id);
                    reservations.put(id, "RESTOCKED");
                } else if (!status.equals("RESTOCKED")) {
                    send(exchange, 409, "{\"status\":409,\"code\":\"RESERVATION_NOT_COMMITTED\"}");
                    return;
                }
            } else if (method.equals("DELETE")) {
                if (status.equals("OPEN")) {
                    giveBack(id);
                    reservations.put(id, "RELEASED");
                } else if (status.equals("COMMITTED")) {
                    send(exchange, 409, "{\"status\":409,\"code\":\"RESERVATION_COMMITTED\"}");
                    return;
                }
            }
            send(exchange, 200, view(id));
        }
    }

    private static void giveBack(String id) {
        reservedLines.get(id).forEach((sku, quantity) -> stock.computeIfPresent(sku, (s, free) -> free + quantity));
    }

    /** Products' full Reservation shape, fields orders does not read included. */
    private static String view(String id) throws IOException {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("reservationId", id);
        body.put("status", reservations.get(id));
        body.put("reference", "order");
        body.put(
                "lines",
                reservedLines.getOrDefault(id, Map.of()).entrySet().stream()
                        .map(e -> Map.of("sku", e.getKey(), "quantity", e.getValue()))
                        .toList());
        body.put("createdAt", "2026-11-26T10:00:00Z");
        body.put("expiresAt", "2026-11-26T10:15:00Z");
        body.put("closedAt", null);
        return JSON.writeValueAsString(body);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
