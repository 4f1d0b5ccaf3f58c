package com.scalecommerce.products.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class AdminInventoryTest {

    @Inject
    AgroalDataSource db;

    private StockFixture stock;

    @BeforeEach
    void fixture() {
        stock = new StockFixture(db);
    }

    @Test
    void receivingStockRaisesOnHandAndIsRecordedInTheLedger() {
        var sku = stock.create(3, 1);
        UUID adminId = UUID.randomUUID();

        given().auth()
                .oauth2(TestTokenIssuer.admin(adminId))
                .contentType("application/json")
                .body(Map.of("quantity", 12, "reason", "supplier delivery", "reference", "PO-1001"))
                .post("/api/admin/inventory/{sku}/receipts", sku.sku())
                .then()
                .statusCode(200)
                .body("sku", equalTo(sku.sku()))
                .body("onHand", equalTo(15))
                .body("available", equalTo(15))
                .body("productId", equalTo(sku.productId().toString()));

        given().auth()
                .oauth2(InventoryApi.admin())
                .get("/api/admin/inventory/{sku}/ledger", sku.sku())
                .then()
                .statusCode(200)
                .body("items.reason", contains("RECEIVED", "RECEIVED"))
                .body("items[0].deltaOnHand", equalTo(12))
                .body("items[0].actor", equalTo("admin:" + adminId))
                .body("items[0].reference", equalTo("PO-1001"))
                .body("items[0].note", equalTo("supplier delivery"))
                .body("items[1].actor", equalTo("system:stock-created"));
        var adjusted = stock.events("inventory.adjusted", sku.sku());
        assertThat(adjusted).hasSize(1);
        assertThat(adjusted.getFirst().get("delta").asInt()).isEqualTo(12);
        assertThat(adjusted.getFirst().get("onHand").asInt()).isEqualTo(15);
        assertThat(adjusted.getFirst().get("available").asInt()).isEqualTo(15);
        assertThat(adjusted.getFirst().get("reason").asText()).isEqualTo("RECEIVED");
        assertThat(stock.ledger(sku.sku())).isEqualTo(new StockFixture.Ledger(15, 0));
    }

    @Test
    void aCorrectionSetsOnHandToTheCountedQuantityAndMustSayWhy() {
        var sku = stock.create(20, 0);

        InventoryApi.correct(sku.sku(), Map.of("onHand", 17))
                .then()
                .statusCode(400)
                .body("errors.field", contains("reason"));
        InventoryApi.correct(sku.sku(), Map.of("onHand", 17, "reason", "cycle count, aisle 4"))
                .then()
                .statusCode(200)
                .body("onHand", equalTo(17));

        assertThat(stock.levels(sku.sku()).onHand()).isEqualTo(17);
        assertThat(stock.ledger(sku.sku())).isEqualTo(new StockFixture.Ledger(17, 0));
        assertThat(stock.ledgerReasons(sku.sku())).containsExactly("RECEIVED", "CORRECTION");
        var adjusted = stock.events("inventory.adjusted", sku.sku());
        assertThat(adjusted).hasSize(1);
        assertThat(adjusted.getFirst().get("delta").asInt()).isEqualTo(-3);
        assertThat(adjusted.getFirst().get("reason").asText()).isEqualTo("CORRECTION");
    }

    @Test
    void aCorrectionCannotCountAwayReservedStock() {
        var sku = stock.create(10, 0);
        InventoryApi.reserve(InventoryApi.body(InventoryApi.newReservationId(), sku.sku(), 6))
                .then()
                .statusCode(201);

        InventoryApi.correct(sku.sku(), Map.of("onHand", 5, "reason", "shrinkage"))
                .then()
                .statusCode(409)
                .body("code", equalTo("BELOW_RESERVED"));
        InventoryApi.correct(sku.sku(), Map.of("onHand", 6, "reason", "shrinkage"))
                .then()
                .statusCode(200)
                .body("available", equalTo(0))
                .body("outOfStock", equalTo(true));

        assertThat(stock.levels(sku.sku())).isEqualTo(new StockFixture.Levels(6, 6, 0));
        assertThat(stock.ledger(sku.sku())).isEqualTo(new StockFixture.Ledger(6, 6));
    }

    @Test
    void theThresholdDecidesWhatCountsAsLowStock() {
        var sku = stock.create(8, 2);
        given().auth()
                .oauth2(InventoryApi.admin())
                .get("/api/admin/inventory/{sku}", sku.sku())
                .then()
                .statusCode(200)
                .body("lowStock", equalTo(false));

        InventoryApi.threshold(sku.sku(), 8)
                .then()
                .statusCode(200)
                .body("lowStockThreshold", equalTo(8))
                .body("lowStock", equalTo(true))
                .body("outOfStock", equalTo(false));

        assertThat(stock.levels(sku.sku()).threshold()).isEqualTo(8);
        // Moving the line over the stock is a crossing too; moving it again while low is not.
        assertThat(stock.events("inventory.low", sku.sku())).hasSize(1);
        InventoryApi.threshold(sku.sku(), 9).then().statusCode(200);
        assertThat(stock.events("inventory.low", sku.sku())).hasSize(1);
        InventoryApi.threshold(sku.sku(), -1)
                .then()
                .statusCode(400)
                .body("errors.field", contains("lowStockThreshold"));
    }

    @Test
    void listsLowAndOutOfStockSkusPageByPage() {
        String prefix = "LIST" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        stock.create(prefix + "-A-PLENTY", 50, 5);
        stock.create(prefix + "-B-LOW", 3, 5);
        stock.create(prefix + "-C-LOW", 5, 5);
        stock.create(prefix + "-D-OUT", 0, 5);
        var heldOut = stock.create(prefix + "-E-HELD", 2, 1);
        InventoryApi.reserve(InventoryApi.body(InventoryApi.newReservationId(), heldOut.sku(), 2))
                .then()
                .statusCode(201);

        assertThat(allPages("LOW_STOCK", prefix))
                .containsExactly(prefix + "-B-LOW", prefix + "-C-LOW", prefix + "-D-OUT", prefix + "-E-HELD");
        assertThat(allPages("OUT_OF_STOCK", prefix)).containsExactly(prefix + "-D-OUT", prefix + "-E-HELD");
        assertThat(allPages("IN_STOCK", prefix))
                .containsExactly(prefix + "-A-PLENTY", prefix + "-B-LOW", prefix + "-C-LOW");
        assertThat(allPages("ALL", prefix.toLowerCase())).hasSize(5);
        given().auth()
                .oauth2(InventoryApi.admin())
                .queryParam("status", "SOMETIMES")
                .get("/api/admin/inventory")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        given().auth()
                .oauth2(InventoryApi.admin())
                .queryParam("cursor", "%%%")
                .get("/api/admin/inventory")
                .then()
                .statusCode(400)
                .body("errors.field", contains("cursor"));
    }

    @Test
    void theLedgerPagesNewestFirst() {
        var sku = stock.create(1, 0);
        for (int i = 1; i <= 4; i++) {
            InventoryApi.receive(sku.sku(), i, null, "delivery-" + i).then().statusCode(200);
        }
        var seen = new ArrayList<String>();
        String cursor = null;
        do {
            var page = given().auth()
                    .oauth2(InventoryApi.admin())
                    .queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/admin/inventory/{sku}/ledger", sku.sku())
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("items.reference", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactly("delivery-4", "delivery-3", "delivery-2", "delivery-1", null);
    }

    @Test
    void unknownSkusAreNotFound() {
        given().auth()
                .oauth2(InventoryApi.admin())
                .get("/api/admin/inventory/{sku}", "NO-SUCH-SKU")
                .then()
                .statusCode(404)
                .body("code", equalTo("SKU_NOT_FOUND"));
        InventoryApi.receive("NO-SUCH-SKU", 1, null, null)
                .then()
                .statusCode(404)
                .body("code", equalTo("SKU_NOT_FOUND"));
        InventoryApi.correct("NO-SUCH-SKU", Map.of("onHand", 1, "reason", "count"))
                .then()
                .statusCode(404);
        InventoryApi.threshold("NO-SUCH-SKU", 1).then().statusCode(404);
    }

    @Test
    void theLedgerIsAppendOnly() {
        var sku = stock.create(4, 0);
        assertThatThrownBy(
                        () -> stock.execute("update inventory_ledger set delta_on_hand = 400 where sku = ?", sku.sku()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> stock.execute("delete from inventory_ledger where sku = ?", sku.sku()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
        assertThat(stock.ledger(sku.sku())).isEqualTo(new StockFixture.Ledger(4, 0));
    }

    @Test
    void reconciliationFlagsStockChangedBehindTheLedgersBack() throws SQLException {
        var honest = stock.create(7, 0);
        var tampered = stock.create(7, 0);
        InventoryApi.reserve(InventoryApi.body(InventoryApi.newReservationId(), honest.sku(), 2, tampered.sku(), 2))
                .then()
                .statusCode(201);
        stock.execute("update stock set on_hand = on_hand + 5 where sku = ?", tampered.sku());
        try {
            given().auth()
                    .oauth2(InventoryApi.admin())
                    .get("/api/admin/inventory/reconciliation")
                    .then()
                    .statusCode(200)
                    .body("sku", hasItem(tampered.sku()))
                    .body("find { it.sku == '" + tampered.sku() + "' }.onHand", equalTo(12))
                    .body("find { it.sku == '" + tampered.sku() + "' }.ledgerOnHand", equalTo(7))
                    .body("find { it.sku == '" + tampered.sku() + "' }.openReserved", equalTo(2))
                    .body("sku", org.hamcrest.Matchers.not(hasItem(honest.sku())));
        } finally {
            stock.execute("update stock set on_hand = on_hand - 5 where sku = ?", tampered.sku());
        }
    }

    private List<String> allPages(String status, String prefix) {
        var skus = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth()
                    .oauth2(InventoryApi.admin())
                    .queryParam("status", status)
                    .queryParam("sku", prefix)
                    .queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/admin/inventory")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            skus.addAll(page.getList("items.sku", String.class));
            cursor = page.getString("nextCursor");
            assertThat(++pages).isLessThan(10);
        } while (cursor != null);
        return skus;
    }
}
