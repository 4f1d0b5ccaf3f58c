package com.scalecommerce.products.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class ReservationsTest {

    @Inject
    AgroalDataSource db;

    private StockFixture stock;

    @BeforeEach
    void fixture() {
        stock = new StockFixture(db);
    }

    @Test
    void aReservationHoldsStockUntilItIsCommitted() {
        var sku = stock.create(10, 2);
        String id = InventoryApi.newReservationId();
        var body = InventoryApi.body(id, sku.sku(), 3);
        body.put("reference", "order 42");
        body.put("ttlSeconds", 600);

        InventoryApi.reserve(body)
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/inventory/reservations/" + id))
                .body("reservationId", equalTo(id))
                .body("status", equalTo("OPEN"))
                .body("reference", equalTo("order 42"))
                .body("lines.sku", contains(sku.sku()))
                .body("lines.quantity", contains(3))
                .body("expiresAt", notNullValue())
                .body("closedAt", nullValue());

        assertThat(stock.levels(sku.sku())).isEqualTo(new StockFixture.Levels(10, 3, 2));
        assertThat(stock.ledger(sku.sku())).isEqualTo(new StockFixture.Ledger(10, 3));
        InventoryApi.get(InventoryApi.ORDERS, id).then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void aMultiLineReservationIsAllOrNothing() {
        var plenty = stock.create(5, 0);
        var scarce = stock.create(1, 0);
        var alsoScarce = stock.create(0, 0);
        String id = InventoryApi.newReservationId();

        InventoryApi.reserve(InventoryApi.body(id, plenty.sku(), 2, scarce.sku(), 2, alsoScarce.sku(), 1))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("OUT_OF_STOCK"))
                .body("shortages.find { it.sku == '" + scarce.sku() + "' }.available", equalTo(1))
                .body("shortages.find { it.sku == '" + scarce.sku() + "' }.requested", equalTo(2))
                .body("shortages.find { it.sku == '" + alsoScarce.sku() + "' }.available", equalTo(0))
                .body("shortages.sku", org.hamcrest.Matchers.not(hasItem(plenty.sku())))
                .body("errors.field", hasItem("lines[1].quantity"));

        assertThat(stock.levels(plenty.sku()).reserved()).isZero();
        assertThat(stock.levels(scarce.sku()).reserved()).isZero();
        assertThat(stock.ledger(plenty.sku())).isEqualTo(new StockFixture.Ledger(5, 0));
        InventoryApi.get(InventoryApi.ORDERS, id).then().statusCode(404).body("code", equalTo("RESERVATION_NOT_FOUND"));

        // Nothing of the failed attempt sticks to its id: once stock arrives, the same id succeeds.
        InventoryApi.receive(scarce.sku(), 1, null, null).then().statusCode(200);
        InventoryApi.receive(alsoScarce.sku(), 1, null, null).then().statusCode(200);
        InventoryApi.reserve(InventoryApi.body(id, plenty.sku(), 2, scarce.sku(), 2, alsoScarce.sku(), 1))
                .then()
                .statusCode(201);
    }

    @Test
    void repeatingAReservationReturnsTheFirstResultAndHoldsStockOnce() {
        var first = stock.create(10, 0);
        var second = stock.create(10, 0);
        String id = InventoryApi.newReservationId();

        String original = InventoryApi.reserve(InventoryApi.body(id, first.sku(), 2, second.sku(), 1))
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .extract()
                .asString();
        // Same lines in another order is the same request.
        String repeat = InventoryApi.reserve(InventoryApi.body(id, second.sku(), 1, first.sku(), 2))
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .extract()
                .asString();

        assertThat(repeat).isEqualTo(original);
        assertThat(stock.levels(first.sku()).reserved()).isEqualTo(2);
        assertThat(stock.levels(second.sku()).reserved()).isEqualTo(1);
    }

    @Test
    void reusingAReservationIdForADifferentRequestIsRefused() {
        var sku = stock.create(10, 0);
        String id = InventoryApi.newReservationId();
        InventoryApi.reserve(InventoryApi.body(id, sku.sku(), 2)).then().statusCode(201);

        InventoryApi.reserve(InventoryApi.body(id, sku.sku(), 3))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_MISMATCH"));
        var differentTtl = InventoryApi.body(id, sku.sku(), 2);
        differentTtl.put("ttlSeconds", 30);
        InventoryApi.reserve(differentTtl).then().statusCode(422).body("code", equalTo("IDEMPOTENCY_MISMATCH"));
        // Another service cannot take over, or even confirm, someone else's reservation.
        InventoryApi.reserve(TestTokenIssuer.service("returns", "inventory"), InventoryApi.body(id, sku.sku(), 2))
                .then()
                .statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_MISMATCH"));

        assertThat(stock.levels(sku.sku()).reserved()).isEqualTo(2);
    }

    @Test
    void committingSellsTheHeldStockCountsTheSaleAndIsIdempotent() {
        var sku = stock.create(10, 0);
        String id = InventoryApi.newReservationId();
        InventoryApi.reserve(InventoryApi.body(id, sku.sku(), 4)).then().statusCode(201);

        String committed = InventoryApi.commit(InventoryApi.ORDERS, id)
                .then()
                .statusCode(200)
                .body("status", equalTo("COMMITTED"))
                .body("closedAt", notNullValue())
                .extract()
                .asString();
        String again = InventoryApi.commit(InventoryApi.ORDERS, id)
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(again).isEqualTo(committed);
        assertThat(stock.levels(sku.sku())).isEqualTo(new StockFixture.Levels(6, 0, 0));
        assertThat(stock.soldCount(sku.productId())).isEqualTo(4);
        assertThat(stock.ledger(sku.sku())).isEqualTo(new StockFixture.Ledger(6, 0));
        assertThat(stock.ledgerReasons(sku.sku())).containsExactly("RECEIVED", "RESERVED", "SOLD");
        var adjusted = stock.events("inventory.adjusted", sku.sku());
        assertThat(adjusted).hasSize(1);
        assertThat(adjusted.getFirst().get("delta").asInt()).isEqualTo(-4);
        assertThat(adjusted.getFirst().get("onHand").asInt()).isEqualTo(6);
        assertThat(adjusted.getFirst().get("reason").asText()).isEqualTo("SOLD");
        InventoryApi.release(InventoryApi.ORDERS, id)
                .then()
                .statusCode(409)
                .body("code", equalTo("RESERVATION_COMMITTED"));
    }

    @Test
    void releasingGivesTheStockBackIsIdempotentAndEndsTheReservation() {
        var sku = stock.create(10, 0);
        String id = InventoryApi.newReservationId();
        InventoryApi.reserve(InventoryApi.body(id, sku.sku(), 4)).then().statusCode(201);

        InventoryApi.release(InventoryApi.ORDERS, id).then().statusCode(200).body("status", equalTo("RELEASED"));
        InventoryApi.release(InventoryApi.ORDERS, id).then().statusCode(200).body("status", equalTo("RELEASED"));

        assertThat(stock.levels(sku.sku())).isEqualTo(new StockFixture.Levels(10, 0, 0));
        assertThat(stock.ledgerReasons(sku.sku())).containsExactly("RECEIVED", "RESERVED", "RELEASED");
        InventoryApi.commit(InventoryApi.ORDERS, id)
                .then()
                .statusCode(409)
                .body("code", equalTo("RESERVATION_EXPIRED"));
        assertThat(stock.levels(sku.sku())).isEqualTo(new StockFixture.Levels(10, 0, 0));
    }

    @Test
    void aReservationBelongsToTheServiceThatPlacedIt() {
        var sku = stock.create(10, 0);
        String id = InventoryApi.newReservationId();
        InventoryApi.reserve(InventoryApi.body(id, sku.sku(), 1)).then().statusCode(201);
        String returns = TestTokenIssuer.service("returns", "inventory");

        InventoryApi.get(returns, id).then().statusCode(404);
        InventoryApi.commit(returns, id).then().statusCode(404);
        InventoryApi.release(returns, id).then().statusCode(404);
        assertThat(stock.levels(sku.sku()).reserved()).isEqualTo(1);
    }

    @Test
    void unknownSkusAreRefusedWithoutReservingAnything() {
        var known = stock.create(10, 0);
        InventoryApi.reserve(InventoryApi.body(InventoryApi.newReservationId(), known.sku(), 1, "NO-SUCH-SKU", 1))
                .then()
                .statusCode(422)
                .body("code", equalTo("UNKNOWN_SKU"))
                .body("errors.field", contains("lines[1].sku"));
        assertThat(stock.levels(known.sku()).reserved()).isZero();
    }

    @Test
    void malformedReservationsAreAnsweredWithFieldErrors() {
        var sku = stock.create(10, 0);
        String id = InventoryApi.newReservationId();

        InventoryApi.reserve(InventoryApi.body(id, sku.sku(), 0))
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("lines[0].quantity"));
        InventoryApi.reserve(InventoryApi.body(id)).then().statusCode(400).body("errors.field", hasItem("lines"));
        InventoryApi.reserve(InventoryApi.body(id, sku.sku(), 1, sku.sku(), 2))
                .then()
                .statusCode(400)
                .body("errors.field", contains("lines[1].sku"));
        InventoryApi.reserve(InventoryApi.body("../etc/passwd", sku.sku(), 1))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reservationId"));
        var tooLong = InventoryApi.body(id, sku.sku(), 1);
        tooLong.put("ttlSeconds", 86_400);
        InventoryApi.reserve(tooLong).then().statusCode(400).body("errors.field", contains("ttlSeconds"));
        var smuggled = InventoryApi.body(id, sku.sku(), 1);
        smuggled.put("price", 0);
        InventoryApi.reserve(smuggled).then().statusCode(400).body("errors.field", contains("price"));
        given().auth()
                .oauth2(InventoryApi.ORDERS)
                .contentType(ContentType.JSON)
                .body("{\"reservationId\": ")
                .post("/api/inventory/reservations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        assertThat(stock.levels(sku.sku()).reserved()).isZero();
        InventoryApi.get(InventoryApi.ORDERS, id).then().statusCode(404);
        InventoryApi.commit(InventoryApi.ORDERS, "missing-" + id)
                .then()
                .statusCode(404)
                .body("code", equalTo("RESERVATION_NOT_FOUND"));
    }

    @Test
    void defaultHoldIsFifteenMinutes() {
        var sku = stock.create(10, 0);
        var reservation = InventoryApi.reserve(InventoryApi.body(InventoryApi.newReservationId(), sku.sku(), 1))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        var created = java.time.Instant.parse(reservation.getString("createdAt"));
        var expires = java.time.Instant.parse(reservation.getString("expiresAt"));
        assertThat(java.time.Duration.between(created, expires)).isEqualTo(java.time.Duration.ofMinutes(15));
    }
}
