package com.scalecommerce.orders.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class CustomerOrdersTest {

    @Inject
    Orders orders;

    @Inject
    AgroalDataSource db;

    @Test
    void aCustomerListsOnlyTheirOwnOrdersNewestFirstPageByPage() {
        UUID me = UUID.randomUUID();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.addFirst(OrderFixture.create(orders, me, 1_000 + i).id().toString());
        }
        OrderFixture.create(orders, UUID.randomUUID(), 1_000);
        String token = TestTokenIssuer.customer(me);

        var first = given().auth()
                .oauth2(token)
                .queryParam("limit", 3)
                .get("/api/orders")
                .then()
                .statusCode(200);
        first.body("items.id", contains(mine.subList(0, 3).toArray()))
                .body("items[0].timeline", nullValue())
                .body("items[0].lines", nullValue());
        String cursor = first.extract().path("nextCursor");
        given().auth()
                .oauth2(token)
                .queryParam("limit", 3)
                .queryParam("cursor", cursor)
                .get("/api/orders")
                .then()
                .statusCode(200)
                .body("items.id", contains(mine.subList(3, 5).toArray()))
                .body("nextCursor", nullValue());
        given().auth()
                .oauth2(token)
                .queryParam("cursor", "junk")
                .get("/api/orders")
                .then()
                .statusCode(400);
    }

    @Test
    void anotherCustomersOrderIsNotFoundAndCannotBeCancelled() {
        Order theirs = OrderFixture.in(orders, OrderStatus.PAID, UUID.randomUUID());
        String me = TestTokenIssuer.customer(UUID.randomUUID());

        given().auth()
                .oauth2(me)
                .get("/api/orders/{id}", theirs.id())
                .then()
                .statusCode(404)
                .body("code", equalTo("ORDER_NOT_FOUND"));
        given().auth()
                .oauth2(me)
                .post("/api/orders/{id}/cancel", theirs.id())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokenIssuer.customer(theirs.userId()))
                .get("/api/orders/{id}", theirs.id())
                .then()
                .statusCode(200)
                .body("status", equalTo("PAID"))
                .body("lines.sku", contains("TEE-M"))
                .body("timeline", nullValue());
        assertThat(orders.get(theirs.id()).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void aCustomerCancelsBeforeFulfilmentButNotAfter() throws SQLException {
        UUID me = UUID.randomUUID();
        String token = TestTokenIssuer.customer(me);
        Order pending = OrderFixture.in(orders, OrderStatus.PENDING_PAYMENT, me);
        Order paid = OrderFixture.in(orders, OrderStatus.PAID, me);
        Order fulfilling = OrderFixture.in(orders, OrderStatus.FULFILLING, me);

        for (Order order : List.of(pending, paid)) {
            given().auth()
                    .oauth2(token)
                    .post("/api/orders/{id}/cancel", order.id())
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("CANCELLED"));
            assertThat(cancelledEvents(order.id())).isEqualTo(1);
        }
        given().auth()
                .oauth2(token)
                .post("/api/orders/{id}/cancel", fulfilling.id())
                .then()
                .statusCode(409)
                .body("code", equalTo("ILLEGAL_TRANSITION"));
        assertThat(orders.get(fulfilling.id()).status()).isEqualTo(OrderStatus.FULFILLING);
        assertThat(cancelledEvents(fulfilling.id())).isZero();
        assertThat(orders.withTimeline(paid.id()).timeline().getLast().actor()).isEqualTo("customer:" + me);
    }

    @Test
    void ordersNeedACustomerToken() {
        given().get("/api/orders").then().statusCode(401);
        given().auth().oauth2(OrderFixture.admin()).get("/api/orders").then().statusCode(403);
    }

    private int cancelledEvents(UUID orderId) throws SQLException {
        try (var connection = db.getConnection();
                var select = connection.prepareStatement(
                        "select count(*) from outbox_event where subject = ? and type = 'order.cancelled'")) {
            select.setString(1, orderId.toString());
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
