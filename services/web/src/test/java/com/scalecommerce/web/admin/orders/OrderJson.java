package com.scalecommerce.web.admin.orders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Orders' admin JSON (services/orders order.Order, serialised with NON_NULL: a list item has no lines and no
 * timeline) for WireMock answers.
 */
public final class OrderJson {

    private OrderJson() {}

    public static Map<String, Object> listItem(UUID id, long number, String status, long totalMinor) {
        var order = new LinkedHashMap<String, Object>();
        order.put("id", id);
        order.put("number", number);
        order.put("userId", "0b8e8e8e-1111-4a4a-9b9b-222233334444");
        order.put("email", "ada@example.com");
        order.put("status", status);
        order.put("currency", "USD");
        order.put("subtotalMinor", totalMinor - 500);
        order.put("discountMinor", 0);
        order.put("shippingMinor", 500);
        order.put("taxMinor", 0);
        order.put("totalMinor", totalMinor);
        order.put("refundedMinor", 0);
        order.put("shippingAddress", address("Ada Lovelace"));
        order.put("billingAddress", address("Ada Lovelace"));
        order.put("shippingMethod", "Standard");
        order.put("createdAt", "2026-03-01T10:15:30.123456Z");
        order.put("updatedAt", "2026-03-01T10:15:31Z");
        return order;
    }

    /** The detail: lines and a timeline (placed, paid, and an internal note). */
    public static Map<String, Object> detail(UUID id, long number, String status, long totalMinor) {
        var order = listItem(id, number, status, totalMinor);
        order.put(
                "lines",
                List.of(Map.of(
                        "sku",
                        "SKY-L",
                        "productId",
                        UUID.randomUUID(),
                        "name",
                        "Sky Kite",
                        "options",
                        Map.of("size", "L"),
                        "unitPriceMinor",
                        totalMinor - 500,
                        "quantity",
                        1,
                        "lineTotalMinor",
                        totalMinor - 500,
                        "taxMinor",
                        0,
                        "discountMinor",
                        0)));
        order.put(
                "timeline",
                List.of(
                        Map.of(
                                "at", "2026-03-01T10:15:30Z",
                                "actor", "system",
                                "toStatus", "PENDING_PAYMENT",
                                "data", Map.of()),
                        Map.of(
                                "at", "2026-03-01T10:15:31Z",
                                "actor", "system",
                                "fromStatus", "PENDING_PAYMENT",
                                "toStatus", "PAID",
                                "data", Map.of("paymentId", "pi_1")),
                        Map.of(
                                "at", "2026-03-01T11:00:00Z",
                                "actor", "admin:7c9e6679-7425-40de-944b-e07fc1f90ae7",
                                "note", "Customer asked for <gift> wrap")));
        return order;
    }

    public static Map<String, Object> with(Map<String, Object> order, String key, Object value) {
        var copy = new LinkedHashMap<>(order);
        copy.put(key, value);
        return copy;
    }

    static Map<String, Object> address(String name) {
        var address = new LinkedHashMap<String, Object>();
        address.put("recipientName", name);
        address.put("line1", "12 Analytical St");
        address.put("city", "London");
        address.put("postalCode", "N1 7AA");
        address.put("country", "GB");
        return address;
    }
}
