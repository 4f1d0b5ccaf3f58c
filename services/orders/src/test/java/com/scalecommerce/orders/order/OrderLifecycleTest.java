package com.scalecommerce.orders.order;

import static com.scalecommerce.orders.order.OrderFixture.adminPost;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class OrderLifecycleTest {

    @Inject
    Orders orders;

    @Inject
    AgroalDataSource db;

    @Test
    void anOrderGoesFromPaymentToDeliveryAndEveryStepIsOnTheTimeline() throws SQLException {
        Order order = OrderFixture.create(orders, UUID.randomUUID(), 12_500);
        orders.paid(order.id(), Actor.system());

        adminPost(order.id(), "fulfil", null).then().statusCode(200).body("status", equalTo("FULFILLING"));
        adminPost(order.id(), "ship", Map.of("carrier", "DHL", "trackingNumber", "JD0001"))
                .then()
                .statusCode(200)
                .body("status", equalTo("SHIPPED"))
                .body("carrier", equalTo("DHL"))
                .body("trackingNumber", equalTo("JD0001"));
        adminPost(order.id(), "deliver", null)
                .then()
                .statusCode(200)
                .body("status", equalTo("DELIVERED"))
                .body("timeline.toStatus", contains("PENDING_PAYMENT", "PAID", "FULFILLING", "SHIPPED", "DELIVERED"))
                .body("timeline.fromStatus[1]", equalTo("PENDING_PAYMENT"))
                .body(
                        "timeline.actor",
                        contains(
                                "system",
                                "system",
                                "admin:" + OrderFixture.ADMIN_ID,
                                "admin:" + OrderFixture.ADMIN_ID,
                                "admin:" + OrderFixture.ADMIN_ID))
                .body("timeline[3].data.trackingNumber", equalTo("JD0001"))
                .body("lines.sku", contains("TEE-M"));

        assertThat(eventTypes(order.id())).containsExactly("order.paid", "order.shipped");
        assertThat(scalar(
                        "select envelope -> 'data' ->> 'trackingNumber' from outbox_event"
                                + " where subject = ? and type = 'order.shipped'",
                        order.id()))
                .isEqualTo("JD0001");
        assertThat(scalar(
                        "select count(*) from outbox_event where subject = ? and envelope::text like '%example.test%'",
                        order.id()))
                .as("no email in events")
                .isEqualTo("0");
    }

    @ParameterizedTest(name = "{0} --{1}--> 409")
    @CsvSource({
        "PENDING_PAYMENT, fulfil",
        "PENDING_PAYMENT, ship",
        "PENDING_PAYMENT, deliver",
        "PENDING_PAYMENT, refund",
        "PAID, ship",
        "PAID, deliver",
        "FULFILLING, fulfil",
        "FULFILLING, deliver",
        "FULFILLING, refund",
        "SHIPPED, fulfil",
        "SHIPPED, cancel",
        "DELIVERED, ship",
        "DELIVERED, cancel",
        "PAYMENT_FAILED, cancel",
        "REJECTED, fulfil",
        "CANCELLED, cancel",
        "CANCELLED, refund",
        "REFUNDED, refund",
        "REFUNDED, ship",
        "PARTIALLY_REFUNDED, cancel",
    })
    void anIllegalTransitionIsAConflictThatChangesNothing(OrderStatus from, String action) throws SQLException {
        Order order = OrderFixture.in(orders, from, UUID.randomUUID());
        long timelineBefore = Long.parseLong(scalar("select count(*) from order_event where order_id = ?", order.id()));

        adminPost(order.id(), action, body(action))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("ILLEGAL_TRANSITION"))
                .body("errors.field", contains("from", "to"))
                .body("errors[0].message", equalTo(from.name()));

        assertThat(orders.get(order.id()).status()).isEqualTo(from);
        assertThat(Long.parseLong(scalar("select count(*) from order_event where order_id = ?", order.id())))
                .isEqualTo(timelineBefore);
    }

    @Test
    void ofACancelAndAShipRacingOnOneOrderExactlyOneWins() throws Exception {
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 8; round++) {
                Order order = OrderFixture.in(orders, OrderStatus.FULFILLING, UUID.randomUUID());
                var start = new CountDownLatch(1);
                Future<Response> cancel = pool.submit(() -> {
                    start.await();
                    return adminPost(order.id(), "cancel", Map.of("reason", "race"));
                });
                Future<Response> ship = pool.submit(() -> {
                    start.await();
                    return adminPost(order.id(), "ship", Map.of("carrier", "UPS", "trackingNumber", "1Z"));
                });
                start.countDown();
                List<Integer> codes =
                        List.of(cancel.get().statusCode(), ship.get().statusCode());
                assertThat(codes).containsExactlyInAnyOrder(200, 409);
                OrderStatus winner = cancel.get().statusCode() == 200 ? OrderStatus.CANCELLED : OrderStatus.SHIPPED;
                assertThat(orders.get(order.id()).status()).isEqualTo(winner);
                assertThat(scalar(
                                "select count(*) from order_event where order_id = ? and from_status = 'FULFILLING'",
                                order.id()))
                        .isEqualTo("1");
                assertThat(scalar(
                                "select count(*) from outbox_event where subject = ? and type in"
                                        + " ('order.cancelled', 'order.shipped')",
                                order.id()))
                        .isEqualTo("1");
            }
        }
    }

    @Test
    void aPartialRefundThenTheRestEndFullyRefundedAndNeverExceedWhatWasPaid() throws SQLException {
        Order order = OrderFixture.in(orders, OrderStatus.DELIVERED, UUID.randomUUID());

        adminPost(order.id(), "refund", Map.of("amountMinor", 3_000))
                .then()
                .statusCode(200)
                .body("status", equalTo("PARTIALLY_REFUNDED"))
                .body("refundedMinor", equalTo(3_000));
        adminPost(order.id(), "refund", Map.of("amountMinor", 7_001))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("amountMinor"));
        adminPost(order.id(), "refund", Map.of("amountMinor", 0)).then().statusCode(400);
        adminPost(order.id(), "refund", Map.of("amountMinor", 2_000))
                .then()
                .statusCode(200)
                .body("status", equalTo("PARTIALLY_REFUNDED"))
                .body("refundedMinor", equalTo(5_000));
        adminPost(order.id(), "refund", Map.of())
                .then()
                .statusCode(200)
                .body("status", equalTo("REFUNDED"))
                .body("refundedMinor", equalTo(10_000))
                .body("timeline.data.amountMinor", hasItems(3_000, 2_000, 5_000));
        adminPost(order.id(), "refund", Map.of("amountMinor", 1))
                .then()
                .statusCode(409)
                .body("code", equalTo("ILLEGAL_TRANSITION"));

        List<String> amounts = new ArrayList<>();
        try (var connection = db.getConnection();
                var select = connection.prepareStatement("select envelope -> 'data' ->> 'amountMinor' from outbox_event"
                        + " where subject = ? and type = 'order.refunded' order by id")) {
            select.setString(1, order.id().toString());
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    amounts.add(rows.getString(1));
                }
            }
        }
        assertThat(amounts).containsExactly("3000", "2000", "5000");
    }

    @Test
    void concurrentPartialRefundsNeverRefundMoreThanWasPaid() throws Exception {
        Order order = OrderFixture.in(orders, OrderStatus.PAID, UUID.randomUUID());
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<Response>>();
        try (var pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return adminPost(order.id(), "refund", Map.of("amountMinor", 3_000));
                }));
            }
            start.countDown();
            int granted = 0;
            for (Future<Response> result : results) {
                int status = result.get().statusCode();
                assertThat(status).isIn(200, 400, 409);
                granted += status == 200 ? 1 : 0;
            }
            Order after = orders.get(order.id());
            assertThat(granted).isBetween(1, 3);
            assertThat(after.refundedMinor()).isEqualTo(3_000L * granted);
            assertThat(scalar(
                            "select count(*) from outbox_event where subject = ? and type = 'order.refunded'",
                            order.id()))
                    .isEqualTo(Integer.toString(granted));
        }
    }

    @Test
    void adminCancelRecordsTheReasonAndEmitsOrderCancelled() throws SQLException {
        Order order = OrderFixture.in(orders, OrderStatus.PAID, UUID.randomUUID());
        adminPost(order.id(), "cancel", Map.of()).then().statusCode(400).body("errors[0].field", equalTo("reason"));

        adminPost(order.id(), "cancel", Map.of("reason", "fraud suspected"))
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("timeline[-1].note", equalTo("fraud suspected"));
        assertThat(eventTypes(order.id())).containsExactly("order.paid", "order.cancelled");
    }

    @Test
    void notesJoinTheTimelineWithoutChangingTheStatus() {
        Order order = OrderFixture.in(orders, OrderStatus.SHIPPED, UUID.randomUUID());
        adminPost(order.id(), "notes", Map.of("text", "Customer called about the delivery window"))
                .then()
                .statusCode(200)
                .body("status", equalTo("SHIPPED"))
                .body("timeline[-1].note", equalTo("Customer called about the delivery window"))
                .body("timeline[-1].actor", equalTo("admin:" + OrderFixture.ADMIN_ID));
        adminPost(order.id(), "notes", Map.of("text", " ")).then().statusCode(400);
    }

    @Test
    void theTimelineCannotBeRewritten() {
        Order order = OrderFixture.create(orders, UUID.randomUUID(), 1_000);
        assertThatThrownBy(() -> execute("update order_event set note = 'forged' where order_id = ?", order.id()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("delete from order_event where order_id = ?", order.id()))
                .hasMessageContaining("append-only");
    }

    @Test
    void customersAndServicesCannotUseTheAdminOrderApi() {
        Order order = OrderFixture.in(orders, OrderStatus.PAID, UUID.randomUUID());
        for (String token :
                List.of(TestTokenIssuer.customer(order.userId()), TestTokenIssuer.service("orders", "inventory"))) {
            given().auth().oauth2(token).get("/api/admin/orders").then().statusCode(403);
            given().auth()
                    .oauth2(token)
                    .post("/api/admin/orders/{id}/fulfil", order.id())
                    .then()
                    .statusCode(403);
        }
        given().get("/api/admin/orders/{id}", order.id()).then().statusCode(401);
        assertThat(orders.get(order.id()).status()).isEqualTo(OrderStatus.PAID);
    }

    private static Map<String, ?> body(String action) {
        return switch (action) {
            case "ship" -> Map.of("carrier", "DHL", "trackingNumber", "T-1");
            case "cancel" -> Map.of("reason", "test");
            case "refund" -> Map.of("amountMinor", 100);
            default -> null;
        };
    }

    private List<String> eventTypes(UUID orderId) throws SQLException {
        var types = new ArrayList<String>();
        try (var connection = db.getConnection();
                var select =
                        connection.prepareStatement("select type from outbox_event where subject = ? order by id")) {
            select.setString(1, orderId.toString());
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
        }
        return types;
    }

    private String scalar(String sql, UUID orderId) throws SQLException {
        try (var connection = db.getConnection();
                var select = connection.prepareStatement(sql)) {
            select.setObject(1, sql.contains("subject") ? orderId.toString() : orderId);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private void execute(String sql, UUID orderId) throws SQLException {
        try (var connection = db.getConnection();
                var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, orderId);
            statement.executeUpdate();
        }
    }
}
