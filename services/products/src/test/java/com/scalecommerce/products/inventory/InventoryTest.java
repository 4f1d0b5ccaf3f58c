package com.scalecommerce.products.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public face of inventory that the catalog, search and CSV import call. */
@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class InventoryTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Inventory inventory;

    private StockFixture stock;

    @BeforeEach
    void fixture() {
        stock = new StockFixture(db);
    }

    @Test
    void availabilityIsOnHandMinusReservedAndZeroForUnknownSkus() {
        var sku = stock.create(9, 0);
        InventoryApi.reserve(InventoryApi.body(InventoryApi.newReservationId(), sku.sku(), 4))
                .then()
                .statusCode(201);

        assertThat(inventory.availableOfSku(sku.sku())).isEqualTo(5);
        assertThat(inventory.availableOfSkus(List.of(sku.sku(), "NO-SUCH-SKU")))
                .isEqualTo(Map.of(sku.sku(), 5, "NO-SUCH-SKU", 0));
    }

    @Test
    void aProductIsAvailableThroughItsActiveVariantsOnly() throws SQLException {
        var sku = stock.create(3, 0);
        UUID hiddenVariant = UUID.randomUUID();
        String hiddenSku = StockFixture.uniqueSku("HIDDEN");
        stock.execute(
                "insert into variant (id, product_id, sku, price_minor, active) values (?, ?, ?, 100, false)",
                hiddenVariant,
                sku.productId(),
                hiddenSku);
        stock.execute("insert into stock (variant_id, sku, on_hand) values (?, ?, 50)", hiddenVariant, hiddenSku);
        var soldOut = stock.create(0, 0);

        assertThat(inventory.availableOfProducts(List.of(sku.productId(), soldOut.productId())))
                .isEqualTo(Map.of(sku.productId(), 3L, soldOut.productId(), 0L));
        assertThat(inventory.inStock(sku.productId())).isTrue();
        assertThat(inventory.inStock(soldOut.productId())).isFalse();
    }

    @Test
    void writesGoThroughTheLedgerAndTheEvents() {
        var sku = stock.create(0, 2);

        inventory.receive("system:csv-import", sku.sku(), 8, "import batch 3", null);
        inventory.count("system:csv-import", sku.sku(), 6, "import batch 4", null);

        assertThat(stock.levels(sku.sku()).onHand()).isEqualTo(6);
        assertThat(stock.ledger(sku.sku())).isEqualTo(new StockFixture.Ledger(6, 0));
        assertThat(stock.ledgerReasons(sku.sku())).containsExactly("RECEIVED", "CORRECTION");
        assertThat(stock.events("inventory.adjusted", sku.sku())).hasSize(2);
        assertThatThrownBy(() -> inventory.receive("system:csv-import", sku.sku(), 0, null, null))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> inventory.count("system:csv-import", sku.sku(), 5, " ", null))
                .isInstanceOf(ProblemException.class);
        assertThat(stock.levels(sku.sku()).onHand()).isEqualTo(6);
    }
}
