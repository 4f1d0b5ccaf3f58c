package com.scalecommerce.orders.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.scalecommerce.orders.catalog.ProductsStub;
import com.scalecommerce.orders.payment.StripeMock;
import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Stripe adapter against a Stripe that accepts connections and never answers. */
@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(ProductsInventoryStub.class)
@QuarkusTestResource(value = StripeMock.class, restrictToAnnotatedClass = true)
class CheckoutGatewayOutageTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aHangingGatewayTripsTheBreakerAnswers503FastAndLeavesNoOrderPendingOrStockHeld() throws SQLException {
        StripeMock.server()
                .stubFor(post(urlEqualTo("/v1/payment_intents"))
                        .willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        var shop = CheckoutFixture.shop(10);

        var orderIds = new ArrayList<UUID>();
        var took = new ArrayList<Duration>();
        for (int i = 0; i < 6; i++) {
            String cart = shop.guestCart(1);
            long started = System.nanoTime();
            Response answer = CheckoutFixture.checkout(cart, "outage-" + UUID.randomUUID(), shop.body("pm_card_visa"));
            took.add(Duration.ofNanos(System.nanoTime() - started));
            answer.then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("code", equalTo("PAYMENT_GATEWAY_UNAVAILABLE"));
            orderIds.add(UUID.fromString(answer.path("orderId")));
        }

        // Each of the first calls costs one read timeout (0.5 s), not the gateway's 5 s; once the breaker is open
        // (after 4 failures) checkout does not wait on the gateway at all.
        assertThat(took.subList(0, 4)).allSatisfy(d -> assertThat(d).isLessThan(Duration.ofMillis(2_500)));
        assertThat(took.subList(4, 6)).allSatisfy(d -> assertThat(d).isLessThan(Duration.ofMillis(1_000)));
        assertThat(statuses(orderIds)).containsOnly("PAYMENT_FAILED");
        assertThat(orderIds)
                .allSatisfy(id -> assertThat(ProductsInventoryStub.reservations.get("order-" + id))
                        .isEqualTo("RELEASED"));
        assertThat(ProductsInventoryStub.free(shop.sku)).isEqualTo(10);
    }

    private List<String> statuses(List<UUID> ids) throws SQLException {
        try (var connection = db.getConnection();
                var select = connection.prepareStatement("select status from customer_order where id = any (?)")) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            var statuses = new ArrayList<String>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    statuses.add(rows.getString(1));
                }
            }
            return statuses;
        }
    }
}
