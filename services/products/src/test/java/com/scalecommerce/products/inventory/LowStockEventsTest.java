package com.scalecommerce.products.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** inventory.low pages a buyer once per crossing (and again when the SKU runs out), not on every sale below it. */
@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class LowStockEventsTest {

    @Inject
    AgroalDataSource db;

    private StockFixture stock;

    @BeforeEach
    void fixture() {
        stock = new StockFixture(db);
    }

    @Test
    void inventoryLowFiresOncePerCrossingAndAgainWhenTheSkuRunsOut() {
        var sku = stock.create(10, 3);

        hold(sku.sku(), 6); // available 4: above the threshold
        assertThat(lows(sku.sku())).isEmpty();
        String crossing = hold(sku.sku(), 1); // available 3: crosses
        assertThat(lows(sku.sku())).hasSize(1);
        hold(sku.sku(), 1); // available 2: still low, no new event
        assertThat(lows(sku.sku())).hasSize(1);

        InventoryApi.release(InventoryApi.ORDERS, crossing).then().statusCode(200); // available 3: still low
        InventoryApi.receive(sku.sku(), 10, null, null).then().statusCode(200); // available 13: recovered
        assertThat(lows(sku.sku())).hasSize(1);
        InventoryApi.correct(sku.sku(), Map.of("onHand", 9, "reason", "damaged in storage"))
                .then()
                .statusCode(200); // available 2: crosses again
        assertThat(lows(sku.sku())).hasSize(2);
        hold(sku.sku(), 2); // available 0: runs out

        List<JsonNode> lows = lows(sku.sku());
        assertThat(lows).hasSize(3);
        assertThat(lows.get(0).get("available").asInt()).isEqualTo(3);
        assertThat(lows.get(0).get("lowStockThreshold").asInt()).isEqualTo(3);
        assertThat(lows.get(0).get("outOfStock").asBoolean()).isFalse();
        assertThat(lows.get(1).get("available").asInt()).isEqualTo(2);
        assertThat(lows.get(2).get("available").asInt()).isZero();
        assertThat(lows.get(2).get("outOfStock").asBoolean()).isTrue();
        assertThat(lows.get(2).get("productId").asText())
                .isEqualTo(sku.productId().toString());
    }

    @Test
    void aSkuThatSellsOutInOneGoFiresOneEventSayingItIsOut() {
        var sku = stock.create(10, 3);
        hold(sku.sku(), 10);
        List<JsonNode> lows = lows(sku.sku());
        assertThat(lows).hasSize(1);
        assertThat(lows.getFirst().get("outOfStock").asBoolean()).isTrue();
    }

    @Test
    void inventoryAdjustedIsPublishedForOnHandChangesOnly() {
        var sku = stock.create(10, 0);
        String id = hold(sku.sku(), 2);
        InventoryApi.release(InventoryApi.ORDERS, id).then().statusCode(200);
        assertThat(stock.events("inventory.adjusted", sku.sku())).isEmpty();

        InventoryApi.receive(sku.sku(), 5, null, "PO-7").then().statusCode(200);
        InventoryApi.correct(sku.sku(), Map.of("onHand", 14, "reason", "count"))
                .then()
                .statusCode(200);
        InventoryApi.commit(InventoryApi.ORDERS, hold(sku.sku(), 4)).then().statusCode(200);

        var adjusted = stock.events("inventory.adjusted", sku.sku());
        assertThat(adjusted)
                .extracting(e -> e.get("reason").asText())
                .containsExactly("RECEIVED", "CORRECTION", "SOLD");
        assertThat(adjusted).extracting(e -> e.get("delta").asInt()).containsExactly(5, -1, -4);
        assertThat(adjusted).extracting(e -> e.get("onHand").asInt()).containsExactly(15, 14, 10);
        assertThat(adjusted.getFirst().get("reference").asText()).isEqualTo("PO-7");
    }

    private String hold(String sku, int quantity) {
        String id = InventoryApi.newReservationId();
        InventoryApi.reserve(InventoryApi.body(id, sku, quantity)).then().statusCode(201);
        return id;
    }

    private List<JsonNode> lows(String sku) {
        return stock.events("inventory.low", sku);
    }
}
