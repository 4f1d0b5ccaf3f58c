package com.scalecommerce.products.inventory;

import static io.restassured.RestAssured.given;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls the inventory API as the orders service and as an administrator would. */
final class InventoryApi {

    static final String ORDERS = TestTokenIssuer.service("orders", "inventory");

    private InventoryApi() {}

    static String admin() {
        return TestTokenIssuer.admin(UUID.randomUUID());
    }

    static String newReservationId() {
        return "order-" + UUID.randomUUID();
    }

    /** A reservation body: alternating SKU and quantity, e.g. {@code body(id, "A", 2, "B", 1)}. */
    static Map<String, Object> body(String reservationId, Object... skuQuantityPairs) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuQuantityPairs.length; i += 2) {
            lines.add(Map.of("sku", skuQuantityPairs[i], "quantity", skuQuantityPairs[i + 1]));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("reservationId", reservationId);
        body.put("lines", lines);
        return body;
    }

    static Response reserve(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/inventory/reservations");
    }

    static Response reserve(Map<String, Object> body) {
        return reserve(ORDERS, body);
    }

    static Response get(String token, String id) {
        return given().auth().oauth2(token).get("/api/inventory/reservations/{id}", id);
    }

    static Response commit(String token, String id) {
        return given().auth().oauth2(token).post("/api/inventory/reservations/{id}/commit", id);
    }

    static Response restock(String token, String id) {
        return given().auth().oauth2(token).post("/api/inventory/reservations/{id}/restock", id);
    }

    static Response release(String token, String id) {
        return given().auth().oauth2(token).delete("/api/inventory/reservations/{id}", id);
    }

    static Response receive(String sku, int quantity, String reason, String reference) {
        var body = new LinkedHashMap<String, Object>();
        body.put("quantity", quantity);
        body.put("reason", reason);
        body.put("reference", reference);
        return given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/admin/inventory/{sku}/receipts", sku);
    }

    static Response correct(String sku, Map<String, Object> body) {
        return given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/admin/inventory/{sku}/corrections", sku);
    }

    static Response threshold(String sku, int threshold) {
        return given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("lowStockThreshold", threshold))
                .put("/api/admin/inventory/{sku}/threshold", sku);
    }
}
