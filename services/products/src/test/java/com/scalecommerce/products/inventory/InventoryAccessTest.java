package com.scalecommerce.products.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reservations are for services with the inventory scope; the admin inventory API is for administrators. */
@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class InventoryAccessTest {

    @Inject
    AgroalDataSource db;

    private StockFixture stock;
    private StockFixture.Sku sku;
    private String reservationId;

    @BeforeEach
    void anOpenReservation() {
        stock = new StockFixture(db);
        sku = stock.create(10, 0);
        reservationId = InventoryApi.newReservationId();
        InventoryApi.reserve(InventoryApi.body(reservationId, sku.sku(), 1))
                .then()
                .statusCode(201);
    }

    @Test
    void customersCannotUseTheReservationEndpoints() {
        assertReservationEndpointsRefuse(TestTokenIssuer.customer(UUID.randomUUID()), 403);
    }

    @Test
    void administratorsWithoutTheServiceRoleCannotUseTheReservationEndpoints() {
        assertReservationEndpointsRefuse(InventoryApi.admin(), 403);
    }

    @Test
    void servicesWithoutTheInventoryScopeCannotUseTheReservationEndpoints() {
        assertReservationEndpointsRefuse(TestTokenIssuer.service("orders", "orders:read"), 403);
    }

    @Test
    void anonymousCallersMustAuthenticate() {
        given().contentType(ContentType.JSON)
                .body(InventoryApi.body(InventoryApi.newReservationId(), sku.sku(), 1))
                .post("/api/inventory/reservations")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().post("/api/inventory/reservations/{id}/commit", reservationId)
                .then()
                .statusCode(401);
        given().delete("/api/inventory/reservations/{id}", reservationId).then().statusCode(401);
        given().post("/api/inventory/reservations/{id}/restock", reservationId)
                .then()
                .statusCode(401);
        given().get("/api/admin/inventory").then().statusCode(401).contentType("application/problem+json");
        assertThat(stock.levels(sku.sku())).isEqualTo(new StockFixture.Levels(10, 1, 0));
    }

    @Test
    void onlyAdministratorsCanUseTheAdminInventoryApi() {
        for (String token : List.of(TestTokenIssuer.customer(UUID.randomUUID()), InventoryApi.ORDERS)) {
            given().auth().oauth2(token).get("/api/admin/inventory").then().statusCode(403);
            given().auth()
                    .oauth2(token)
                    .get("/api/admin/inventory/{sku}/ledger", sku.sku())
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .get("/api/admin/inventory/reconciliation")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("quantity", 5))
                    .post("/api/admin/inventory/{sku}/receipts", sku.sku())
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("onHand", 0, "reason", "nope"))
                    .post("/api/admin/inventory/{sku}/corrections", sku.sku())
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("lowStockThreshold", 9))
                    .put("/api/admin/inventory/{sku}/threshold", sku.sku())
                    .then()
                    .statusCode(403);
        }
        assertThat(stock.levels(sku.sku())).isEqualTo(new StockFixture.Levels(10, 1, 0));
        given().auth()
                .oauth2(InventoryApi.admin())
                .get("/api/admin/inventory")
                .then()
                .statusCode(200);
    }

    private void assertReservationEndpointsRefuse(String token, int status) {
        InventoryApi.reserve(token, InventoryApi.body(InventoryApi.newReservationId(), sku.sku(), 1))
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
        InventoryApi.get(token, reservationId).then().statusCode(status);
        InventoryApi.commit(token, reservationId).then().statusCode(status);
        InventoryApi.release(token, reservationId).then().statusCode(status);
        InventoryApi.restock(token, reservationId).then().statusCode(status);
        assertThat(stock.levels(sku.sku())).isEqualTo(new StockFixture.Levels(10, 1, 0));
        InventoryApi.get(InventoryApi.ORDERS, reservationId)
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"));
    }
}
