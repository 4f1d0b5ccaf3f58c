package com.scalecommerce.orders.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class AdminOrderFiltersTest {

    @Inject
    Orders orders;

    @Test
    void adminsFilterByCustomerTotalAndStatusAndPageThroughTheResult() {
        UUID customer = UUID.randomUUID();
        List<String> newestFirst = new ArrayList<>();
        for (long total : List.of(1_000L, 2_000L, 3_000L, 4_000L, 5_000L)) {
            newestFirst.addFirst(
                    OrderFixture.create(orders, customer, total).id().toString());
        }
        orders.paid(UUID.fromString(newestFirst.get(1)), Actor.system());

        list("customer", customer.toString(), "minTotal", "2000", "maxTotal", "4000")
                .body("items.id", contains(newestFirst.subList(1, 4).toArray()));
        list("customer", customer.toString(), "status", "PAID")
                .body("items.id", contains(newestFirst.get(1)))
                .body("items[0].timeline", nullValue());

        var first = list("customer", customer.toString(), "limit", "2")
                .body("items.id", contains(newestFirst.subList(0, 2).toArray()));
        String cursor = first.extract().path("nextCursor");
        var second = list("customer", customer.toString(), "limit", "2", "cursor", cursor)
                .body("items.id", contains(newestFirst.subList(2, 4).toArray()));
        list(
                        "customer",
                        customer.toString(),
                        "limit",
                        "2",
                        "cursor",
                        second.extract().path("nextCursor"))
                .body("items.id", contains(newestFirst.get(4)))
                .body("nextCursor", nullValue());
    }

    @Test
    void adminsFilterByEmailIgnoringCaseAndByDates() {
        String email = "Filter-" + UUID.randomUUID() + "@example.test";
        Order guest = orders.create(OrderFixture.order(null, email, 7_700), Actor.system());
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

        list("customer", email.toUpperCase())
                .body("items.id", contains(guest.id().toString()));
        list("customer", email, "from", today, "to", tomorrow)
                .body("items.id", contains(guest.id().toString()));
        list("customer", email, "from", tomorrow).body("items", empty());
        list("customer", email, "to", guest.createdAt().toString()).body("items", empty());
    }

    @Test
    void badFiltersAreFieldErrors() {
        given().auth()
                .oauth2(OrderFixture.admin())
                .queryParam("status", "LOST")
                .queryParam("from", "yesterday")
                .queryParam("customer", "nobody")
                .get("/api/admin/orders")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("status", "from", "customer"));
        given().auth()
                .oauth2(OrderFixture.admin())
                .get("/api/admin/orders/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("ORDER_NOT_FOUND"));
    }

    private static io.restassured.response.ValidatableResponse list(String... params) {
        var request = given().auth().oauth2(OrderFixture.admin());
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam(params[i], params[i + 1]);
        }
        return request.get("/api/admin/orders").then().statusCode(200);
    }
}
