package com.scalecommerce.e2e.checkout;

import static com.scalecommerce.e2e.checkout.Checkouts.VISA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalecommerce.e2e.harness.Customer;
import com.scalecommerce.e2e.harness.EndToEnd;
import com.scalecommerce.e2e.harness.Platform;
import com.scalecommerce.e2e.harness.Reply;
import com.scalecommerce.e2e.harness.Shop;
import com.scalecommerce.e2e.harness.Shop.Product;
import com.scalecommerce.e2e.harness.Shop.Stock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A paid order the customer cancels before it ships: the goods go back on the shelf and the money back. */
@EndToEnd
class CancelRestocksTest {

    private final Platform platform;
    private final Shop shop;

    CancelRestocksTest(Platform platform) {
        this.platform = platform;
        this.shop = platform.shop();
    }

    @Test
    void cancellingAPaidOrderRestocksItAndRefundsThePayment() {
        Product product = shop.createProduct(1_500, 3);
        Customer customer = shop.registerCustomer();
        assertThat(shop.addToCart(customer, product, 1).status()).isEqualTo(200);
        Reply placed = shop.checkout(
                customer, Shop.newIdempotencyKey(), shop.customerCheckoutTo(Shop.address("Carl Cancel"), VISA));
        UUID orderId = UUID.fromString(Checkouts.assertPaid(placed).path("id").asText());
        assertThat(shop.stock(product.sku())).isEqualTo(new Stock(2, 0, 2));

        Reply cancelled = platform.orders()
                .post("/api/orders/" + orderId + "/cancel", null)
                .bearer(customer.accessToken())
                .send();

        assertThat(cancelled.status()).as(cancelled.describe()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(shop.stock(product.sku())).as("restocked").isEqualTo(new Stock(3, 0, 3));
            assertThat(Checkouts.paymentStatus(platform.ordersDb(), orderId)).isEqualTo("REFUNDED");
        });
        JsonNode order = platform.orders()
                .get("/api/orders/" + orderId)
                .bearer(customer.accessToken())
                .send()
                .expect(200)
                .json();
        assertThat(order.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(platform.ordersDb()
                        .count("select count(*) from payment where order_id = ? and amount_refunded = amount", orderId))
                .as("refunded in full")
                .isEqualTo(1);
        Checkouts.assertPaymentInvariants(platform.ordersDb());
    }
}
