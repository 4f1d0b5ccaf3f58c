package com.scalecommerce.products.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The promise that matters most: under a stampede, stock is never oversold and the books still balance. */
@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class ReservationConcurrencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.jboss.logging.Logger LOG =
            org.jboss.logging.Logger.getLogger(ReservationConcurrencyTest.class);

    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/api/inventory/reservations")
    URI reservations;

    private StockFixture stock;

    @BeforeEach
    void fixture() {
        stock = new StockFixture(db);
    }

    @Test
    void twoHundredParallelReservationsForTheLastTwentyUnitsReserveExactlyTwenty() throws Exception {
        var sku = stock.create(20, 5);
        var statuses = new ConcurrentLinkedQueue<Integer>();
        var reserved = new ConcurrentLinkedQueue<String>();
        var shortages = new ConcurrentLinkedQueue<JsonNode>();

        long started = System.nanoTime();
        try (var http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            runTogether(200, () -> {
                String id = InventoryApi.newReservationId();
                String body = JSON.writeValueAsString(InventoryApi.body(id, sku.sku(), 1));
                var response = http.send(
                        HttpRequest.newBuilder(reservations)
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + InventoryApi.ORDERS)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                statuses.add(response.statusCode());
                if (response.statusCode() == 201) {
                    reserved.add(id);
                } else if (response.statusCode() == 409) {
                    shortages.add(JSON.readTree(response.body()));
                }
                return null;
            });
        }

        // A figure for the record, not an assertion: timing bars belong to benchmarks, not tests.
        LOG.infof("200 reservations racing for 20 units answered in %d ms", (System.nanoTime() - started) / 1_000_000);
        assertThat(statuses).hasSize(200).containsOnly(201, 409);
        assertThat(reserved).hasSize(20);
        assertThat(shortages).hasSize(180).allSatisfy(problem -> {
            assertThat(problem.get("code").asText()).isEqualTo("OUT_OF_STOCK");
            assertThat(problem.at("/shortages/0/sku").asText()).isEqualTo(sku.sku());
            assertThat(problem.at("/shortages/0/available").asInt()).isZero();
        });
        assertThat(stock.levels(sku.sku())).isEqualTo(new StockFixture.Levels(20, 20, 5));
        assertBalanced(sku.sku());

        // Selling half and releasing half, all at once, leaves the books balanced too.
        List<String> ids = new ArrayList<>(reserved);
        runTogether(20, new java.util.function.IntFunction<Callable<Void>>() {
            int next = 0;

            @Override
            public synchronized Callable<Void> apply(int ignored) {
                String id = ids.get(next);
                boolean sell = next++ % 2 == 0;
                return () -> {
                    int status = sell
                            ? InventoryApi.commit(InventoryApi.ORDERS, id).statusCode()
                            : InventoryApi.release(InventoryApi.ORDERS, id).statusCode();
                    assertThat(status).isEqualTo(200);
                    return null;
                };
            }
        });

        assertThat(stock.levels(sku.sku())).isEqualTo(new StockFixture.Levels(10, 0, 5));
        assertThat(stock.soldCount(sku.productId())).isEqualTo(10);
        assertBalanced(sku.sku());
    }

    private void assertBalanced(String sku) {
        var levels = stock.levels(sku);
        assertThat(levels.onHand()).isGreaterThanOrEqualTo(levels.reserved());
        assertThat(levels.reserved()).isNotNegative();
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

    private static void runTogether(int tasks, Callable<Void> task) throws Exception {
        runTogether(tasks, i -> task);
    }

    /** Starts every task on its own virtual thread and releases them at the same instant. */
    private static void runTogether(int tasks, java.util.function.IntFunction<Callable<Void>> taskFor)
            throws Exception {
        var start = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<Void>>();
            for (int i = 0; i < tasks; i++) {
                Callable<Void> task = taskFor.apply(i);
                futures.add(executor.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (var future : futures) {
                future.get();
            }
        }
    }
}
