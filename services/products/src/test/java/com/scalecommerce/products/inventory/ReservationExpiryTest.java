package com.scalecommerce.products.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Holds lapse: the sweeper (every second in tests) gives the stock back and the hold can no longer be sold. */
@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class ReservationExpiryTest {

    @Inject
    AgroalDataSource db;

    private StockFixture stock;

    @BeforeEach
    void fixture() {
        stock = new StockFixture(db);
    }

    @Test
    void expiredReservationsAreReleasedByTheSweeperAndCannotBeCommitted() {
        var sku = stock.create(5, 0);
        String id = InventoryApi.newReservationId();
        var body = InventoryApi.body(id, sku.sku(), 5);
        body.put("ttlSeconds", 1);
        InventoryApi.reserve(body).then().statusCode(201);
        assertThat(stock.levels(sku.sku()).reserved()).isEqualTo(5);

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "EXPIRED"
                        .equals(InventoryApi.get(InventoryApi.ORDERS, id)
                                .jsonPath()
                                .getString("status")));

        assertThat(stock.levels(sku.sku())).isEqualTo(new StockFixture.Levels(5, 0, 0));
        assertThat(stock.ledgerReasons(sku.sku())).containsExactly("RECEIVED", "RESERVED", "EXPIRED");
        assertThat(stock.ledger(sku.sku())).isEqualTo(new StockFixture.Ledger(5, 0));
        InventoryApi.commit(InventoryApi.ORDERS, id)
                .then()
                .statusCode(409)
                .body("code", equalTo("RESERVATION_EXPIRED"));
        // Releasing what already lapsed is harmless, and the repeat of the original request still answers.
        InventoryApi.release(InventoryApi.ORDERS, id).then().statusCode(200).body("status", equalTo("EXPIRED"));
        InventoryApi.reserve(body).then().statusCode(201).body("status", equalTo("EXPIRED"));
        assertThat(stock.levels(sku.sku())).isEqualTo(new StockFixture.Levels(5, 0, 0));
    }

    @Test
    void aLapsedHoldCannotBeCommittedEvenBeforeTheSweeperReachesIt() throws Exception {
        var sku = stock.create(5, 0);
        String id = InventoryApi.newReservationId();
        InventoryApi.reserve(InventoryApi.body(id, sku.sku(), 2)).then().statusCode(201);
        stock.execute("update reservation set expires_at = now() - interval '1 second' where id = ?", id);

        InventoryApi.commit(InventoryApi.ORDERS, id)
                .then()
                .statusCode(409)
                .body("code", equalTo("RESERVATION_EXPIRED"));

        InventoryApi.get(InventoryApi.ORDERS, id).then().statusCode(200).body("status", equalTo("EXPIRED"));
        assertThat(stock.levels(sku.sku())).isEqualTo(new StockFixture.Levels(5, 0, 0));
        assertThat(stock.soldCount(sku.productId())).isZero();
        assertThat(stock.ledger(sku.sku())).isEqualTo(new StockFixture.Ledger(5, 0));
    }
}
