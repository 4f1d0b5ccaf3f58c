package com.scalecommerce.orders.order;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Orders made the way the checkout saga will make them, then driven to a status through {@link Orders}. */
final class OrderFixture {

    static final UUID ADMIN_ID = UUID.randomUUID();

    private OrderFixture() {}

    static NewOrder order(UUID userId, String email, long totalMinor) {
        ObjectNode address = JsonNodeFactory.instance.objectNode();
        address.put("name", "Ada Lovelace").put("line1", "1 Analytical St").put("city", "London");
        address.put("postalCode", "N1 9GU").put("country", "GB");
        ObjectNode options = JsonNodeFactory.instance.objectNode().put("size", "M");
        long shipping = 500;
        long subtotal = totalMinor - shipping;
        return new NewOrder(
                userId,
                email,
                "EUR",
                subtotal,
                0,
                shipping,
                0,
                totalMinor,
                address,
                address,
                "standard",
                UUID.randomUUID().toString(),
                "hash",
                List.of(new NewOrder.Line("TEE-M", UUID.randomUUID(), "Tee", options, subtotal, 1, subtotal, 0, 0)));
    }

    static Order create(Orders orders, UUID userId, long totalMinor) {
        return orders.create(order(userId, "buyer-" + UUID.randomUUID() + "@example.test", totalMinor), Actor.system());
    }

    /** Drives a new order along the shortest legal path to {@code status}. */
    static Order in(Orders orders, OrderStatus status, UUID userId) {
        Order order = create(orders, userId, 10_000);
        UUID id = order.id();
        Actor admin = Actor.admin(ADMIN_ID);
        switch (status) {
            case PENDING_PAYMENT -> {}
            case PAID -> orders.paid(id, Actor.system());
            case PAYMENT_FAILED -> orders.paymentFailed(id, Actor.system(), "declined");
            case REJECTED -> orders.rejected(id, Actor.system(), "out of stock");
            case CANCELLED -> orders.cancel(id, admin, "test");
            case FULFILLING -> {
                orders.paid(id, Actor.system());
                orders.fulfil(id, admin);
            }
            case SHIPPED -> {
                orders.paid(id, Actor.system());
                orders.fulfil(id, admin);
                orders.ship(id, admin, "DHL", "TRACK-1");
            }
            case DELIVERED -> {
                orders.paid(id, Actor.system());
                orders.fulfil(id, admin);
                orders.ship(id, admin, "DHL", "TRACK-1");
                orders.deliver(id, admin);
            }
            case PARTIALLY_REFUNDED -> {
                orders.paid(id, Actor.system());
                orders.refund(id, admin, 100L);
            }
            case REFUNDED -> {
                orders.paid(id, Actor.system());
                orders.refund(id, admin, null);
            }
        }
        return orders.get(id);
    }

    static String admin() {
        return TestTokenIssuer.admin(ADMIN_ID);
    }

    static Response adminPost(UUID orderId, String action, Map<String, ?> body) {
        var request = given().auth().oauth2(admin()).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.post("/api/admin/orders/{id}/" + action, orderId);
    }
}
