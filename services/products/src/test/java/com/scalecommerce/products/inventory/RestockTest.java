package com.scalecommerce.products.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A paid order cancelled before it ships: orders gives the committed quantities back, once. */
@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class RestockTest {

    @Inject
    AgroalDataSource db;

    private StockFixture stock;

    @BeforeEach
    void fixture() {
        stock = new StockFixture(db);
    }

    @Test
    void restockingACommittedReservationPutsItsGoodsBackOnHandAndTheBooksBalance() {
        var shirt = stock.create(10, 2);
        var socks = stock.create(5, 0);
        String id = InventoryApi.newReservationId();
        var body = InventoryApi.body(id, shirt.sku(), 3, socks.sku(), 2);
        body.put("reference", "order 77");
        InventoryApi.reserve(body).then().statusCode(201);
        InventoryApi.commit(InventoryApi.ORDERS, id).then().statusCode(200);
        // Someone else's hold on the same SKU must come through a restock untouched.
        InventoryApi.reserve(InventoryApi.body(InventoryApi.newReservationId(), shirt.sku(), 1))
                .then()
                .statusCode(201);
        assertThat(stock.levels(shirt.sku())).isEqualTo(new StockFixture.Levels(7, 1, 2));
        assertThat(stock.soldCount(shirt.productId())).isEqualTo(3);

        InventoryApi.restock(InventoryApi.ORDERS, id)
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", nullValue())
                .body("reservationId", equalTo(id))
                .body("status", equalTo("RESTOCKED"))
                .body("reference", equalTo("order 77"))
                .body("lines.find { it.sku == '" + shirt.sku() + "' }.quantity", equalTo(3))
                .body("lines.find { it.sku == '" + socks.sku() + "' }.quantity", equalTo(2));

        assertThat(stock.levels(shirt.sku())).isEqualTo(new StockFixture.Levels(10, 1, 2));
        assertThat(stock.levels(socks.sku())).isEqualTo(new StockFixture.Levels(5, 0, 0));
        assertThat(stock.soldCount(shirt.productId())).isZero();
        assertThat(stock.soldCount(socks.productId())).isZero();
        assertThat(stock.ledgerReasons(shirt.sku()))
                .containsExactly("RECEIVED", "RESERVED", "SOLD", "RESERVED", "RESTOCKED");
        assertThat(stock.ledgerReasons(socks.sku())).containsExactly("RECEIVED", "RESERVED", "SOLD", "RESTOCKED");
        assertBalanced(shirt.sku());
        assertBalanced(socks.sku());

        List<JsonNode> adjusted = stock.events("inventory.adjusted", shirt.sku());
        assertThat(adjusted).extracting(e -> e.get("reason").asText()).containsExactly("SOLD", "RESTOCKED");
        JsonNode restocked = adjusted.getLast();
        assertThat(restocked.get("delta").asInt()).isEqualTo(3);
        assertThat(restocked.get("onHand").asInt()).isEqualTo(10);
        assertThat(restocked.get("reserved").asInt()).isEqualTo(1);
        assertThat(restocked.get("available").asInt()).isEqualTo(9);
        assertThat(restocked.get("reference").asText()).isEqualTo(id);
        InventoryApi.get(InventoryApi.ORDERS, id).then().statusCode(200).body("status", equalTo("RESTOCKED"));
    }

    @Test
    void repeatingARestockAnswersTheSameReservationAndAddsNothing() {
        var sku = stock.create(10, 0);
        String id = committed(sku, 4);

        String first = InventoryApi.restock(InventoryApi.ORDERS, id)
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", nullValue())
                .extract()
                .asString();
        String again = InventoryApi.restock(InventoryApi.ORDERS, id)
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("status", equalTo("RESTOCKED"))
                .extract()
                .asString();

        assertThat(again).isEqualTo(first);
        assertThat(stock.levels(sku.sku())).isEqualTo(new StockFixture.Levels(10, 0, 0));
        assertThat(stock.ledgerReasons(sku.sku())).containsExactly("RECEIVED", "RESERVED", "SOLD", "RESTOCKED");
        assertThat(stock.events("inventory.adjusted", sku.sku())).hasSize(2);
        assertBalanced(sku.sku());
    }

    @Test
    void fiveConcurrentRestocksRaiseTheStockOnce() throws Exception {
        var sku = stock.create(10, 0);
        String id = committed(sku, 4);
        assertThat(stock.levels(sku.sku()).onHand()).isEqualTo(6);

        var start = new CountDownLatch(1);
        var answers = new ArrayList<Future<io.restassured.response.Response>>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 5; i++) {
                answers.add(executor.submit(() -> {
                    start.await();
                    return InventoryApi.restock(InventoryApi.ORDERS, id);
                }));
            }
            start.countDown();
        }

        var replayed = new ArrayList<String>();
        for (var answer : answers) {
            var response = answer.get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.jsonPath().getString("status")).isEqualTo("RESTOCKED");
            replayed.add(String.valueOf(response.header("Idempotent-Replayed")));
        }
        // Exactly one call did the work; the other four found it done.
        assertThat(replayed).containsExactlyInAnyOrder("null", "true", "true", "true", "true");
        assertThat(stock.levels(sku.sku())).isEqualTo(new StockFixture.Levels(10, 0, 0));
        assertThat(stock.ledgerReasons(sku.sku())).containsOnlyOnce("RESTOCKED");
        assertThat(stock.events("inventory.adjusted", sku.sku()))
                .extracting(e -> e.get("reason").asText())
                .containsExactly("SOLD", "RESTOCKED");
        assertThat(stock.soldCount(sku.productId())).isZero();
        assertBalanced(sku.sku());
    }

    @Test
    void onlyACommittedReservationCanBeRestocked() throws SQLException {
        var sku = stock.create(10, 0);
        String open = InventoryApi.newReservationId();
        InventoryApi.reserve(InventoryApi.body(open, sku.sku(), 1)).then().statusCode(201);
        String released = InventoryApi.newReservationId();
        InventoryApi.reserve(InventoryApi.body(released, sku.sku(), 2)).then().statusCode(201);
        InventoryApi.release(InventoryApi.ORDERS, released).then().statusCode(200);
        String expired = InventoryApi.newReservationId();
        InventoryApi.reserve(InventoryApi.body(expired, sku.sku(), 3)).then().statusCode(201);
        stock.execute("update reservation set expires_at = now() - interval '1 second' where id = ?", expired);
        InventoryApi.commit(InventoryApi.ORDERS, expired).then().statusCode(409);
        InventoryApi.get(InventoryApi.ORDERS, expired).then().body("status", equalTo("EXPIRED"));

        for (String id : List.of(open, released, expired)) {
            InventoryApi.restock(InventoryApi.ORDERS, id)
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("code", equalTo("RESERVATION_NOT_COMMITTED"));
        }

        assertThat(stock.levels(sku.sku())).isEqualTo(new StockFixture.Levels(10, 1, 0));
        assertThat(stock.ledgerReasons(sku.sku())).doesNotContain("RESTOCKED");
        InventoryApi.get(InventoryApi.ORDERS, open).then().body("status", equalTo("OPEN"));
        // The refused restock left the open hold intact: it can still be sold.
        InventoryApi.commit(InventoryApi.ORDERS, open).then().statusCode(200).body("status", equalTo("COMMITTED"));
        assertBalanced(sku.sku());
    }

    @Test
    void aRestockedReservationCanNeitherBeSoldAgainNorReleased() {
        var sku = stock.create(10, 0);
        String id = committed(sku, 4);
        InventoryApi.restock(InventoryApi.ORDERS, id).then().statusCode(200);

        InventoryApi.commit(InventoryApi.ORDERS, id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("RESERVATION_RESTOCKED"));
        InventoryApi.release(InventoryApi.ORDERS, id)
                .then()
                .statusCode(409)
                .body("code", equalTo("RESERVATION_RESTOCKED"));

        assertThat(stock.levels(sku.sku())).isEqualTo(new StockFixture.Levels(10, 0, 0));
        assertThat(stock.soldCount(sku.productId())).isZero();
        assertBalanced(sku.sku());
    }

    @Test
    void anotherServiceCannotRestockAReservationItDidNotPlace() {
        var sku = stock.create(10, 0);
        String id = committed(sku, 4);

        InventoryApi.restock(TestTokenIssuer.service("returns", "inventory"), id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("RESERVATION_NOT_FOUND"));
        InventoryApi.restock(InventoryApi.ORDERS, "missing-" + id)
                .then()
                .statusCode(404)
                .body("code", equalTo("RESERVATION_NOT_FOUND"));

        assertThat(stock.levels(sku.sku())).isEqualTo(new StockFixture.Levels(6, 0, 0));
        InventoryApi.get(InventoryApi.ORDERS, id).then().body("status", equalTo("COMMITTED"));
    }

    @Test
    void restockingNeedsTheServiceRoleAndTheInventoryScope() {
        var sku = stock.create(10, 0);
        String id = committed(sku, 4);

        for (String token : List.of(
                TestTokenIssuer.service("orders", "orders:read"),
                TestTokenIssuer.customer(UUID.randomUUID()),
                InventoryApi.admin())) {
            InventoryApi.restock(token, id)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("code", equalTo("FORBIDDEN"));
        }
        given().post("/api/inventory/reservations/{id}/restock", id).then().statusCode(401);

        assertThat(stock.levels(sku.sku())).isEqualTo(new StockFixture.Levels(6, 0, 0));
        InventoryApi.get(InventoryApi.ORDERS, id).then().body("status", equalTo("COMMITTED"));
    }

    @Test
    void aSoldOutSkuThatIsRestockedShowsAsAvailableAtOnceThoughTheDetailWasCached() {
        var sku = stock.create(2, 0);
        String id = committed(sku, 2);
        given().get("/api/products/{id}", sku.productId())
                .then()
                .statusCode(200)
                .body("variants[0].available", equalTo(false));

        InventoryApi.restock(InventoryApi.ORDERS, id).then().statusCode(200);

        given().get("/api/products/{id}", sku.productId())
                .then()
                .statusCode(200)
                .body("variants[0].available", equalTo(true));
        // Coming back is no low-stock crossing: the only inventory.low is the one from selling out.
        assertThat(stock.events("inventory.low", sku.sku())).hasSize(1);
    }

    @Test
    void aRestockThatWouldOverflowOnHandChangesNothing() {
        var first = stock.create(StockFixture.uniqueSku("A"), 10, 0);
        var full = stock.create(StockFixture.uniqueSku("B"), 10, 0);
        String id = InventoryApi.newReservationId();
        InventoryApi.reserve(InventoryApi.body(id, first.sku(), 2, full.sku(), 1))
                .then()
                .statusCode(201);
        InventoryApi.commit(InventoryApi.ORDERS, id).then().statusCode(200);
        InventoryApi.correct(full.sku(), java.util.Map.of("onHand", Integer.MAX_VALUE, "reason", "stock take"))
                .then()
                .statusCode(200);

        // The first line (in SKU order) fits; the second does not, and the first must not stick either.
        InventoryApi.restock(InventoryApi.ORDERS, id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("STOCK_LIMIT_EXCEEDED"));

        assertThat(stock.levels(first.sku())).isEqualTo(new StockFixture.Levels(8, 0, 0));
        assertThat(stock.levels(full.sku()).onHand()).isEqualTo(Integer.MAX_VALUE);
        assertThat(stock.ledgerReasons(first.sku())).doesNotContain("RESTOCKED");
        assertThat(stock.soldCount(first.productId())).isEqualTo(2);
        InventoryApi.get(InventoryApi.ORDERS, id).then().body("status", equalTo("COMMITTED"));
        assertBalanced(first.sku());
        assertBalanced(full.sku());
    }

    @Test
    void aLineWhoseVariantWasDeletedSinceTheSaleIsSkippedAndTheRestIsRestocked() throws SQLException {
        var kept = stock.create(StockFixture.uniqueSku("A"), 10, 0);
        var gone = stock.create(StockFixture.uniqueSku("B"), 10, 0);
        String id = InventoryApi.newReservationId();
        InventoryApi.reserve(InventoryApi.body(id, kept.sku(), 2, gone.sku(), 3))
                .then()
                .statusCode(201);
        InventoryApi.commit(InventoryApi.ORDERS, id).then().statusCode(200);
        stock.execute("delete from variant where id = ?", gone.variantId());

        InventoryApi.restock(InventoryApi.ORDERS, id).then().statusCode(200).body("status", equalTo("RESTOCKED"));

        assertThat(stock.levels(kept.sku())).isEqualTo(new StockFixture.Levels(10, 0, 0));
        assertThat(stock.ledgerReasons(gone.sku())).doesNotContain("RESTOCKED");
        assertBalanced(kept.sku());
    }

    /** A reservation of {@code quantity} units, placed and sold. */
    private static String committed(StockFixture.Sku sku, int quantity) {
        String id = InventoryApi.newReservationId();
        InventoryApi.reserve(InventoryApi.body(id, sku.sku(), quantity)).then().statusCode(201);
        InventoryApi.commit(InventoryApi.ORDERS, id).then().statusCode(200).body("status", equalTo("COMMITTED"));
        return id;
    }

    private void assertBalanced(String sku) {
        var levels = stock.levels(sku);
        assertThat(stock.ledger(sku)).isEqualTo(new StockFixture.Ledger(levels.onHand(), levels.reserved()));
        assertThat(stock.openReserved(sku)).isEqualTo(levels.reserved());
        List<String> discrepant = given().auth()
                .oauth2(InventoryApi.admin())
                .get("/api/admin/inventory/reconciliation")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("sku");
        assertThat(discrepant).doesNotContain(sku);
    }
}
