package com.scalecommerce.e2e.checkout;

import static com.scalecommerce.e2e.checkout.Checkouts.VISA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalecommerce.e2e.harness.Customer;
import com.scalecommerce.e2e.harness.EndToEnd;
import com.scalecommerce.e2e.harness.Mailbox;
import com.scalecommerce.e2e.harness.Platform;
import com.scalecommerce.e2e.harness.Reply;
import com.scalecommerce.e2e.harness.Shop;
import com.scalecommerce.e2e.harness.Shop.Product;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A registered customer buys with an address from their address book: the order keeps a copy of it, the
 * customer sees the order as PAID, gets the confirmation mail, and finds the cart empty.
 */
@EndToEnd
class CustomerCheckoutTest {

    private final Platform platform;
    private final Shop shop;

    CustomerCheckoutTest(Platform platform) {
        this.platform = platform;
        this.shop = platform.shop();
    }

    @Test
    void aCustomerChecksOutWithAnAddressFromTheirAddressBook() {
        Product product = shop.createProduct(3_000, 5);
        Customer customer = shop.registerCustomer();
        Map<String, Object> address = Shop.address("Ada Customer");
        address.put("company", "Analytical Engines Ltd");
        address.put("phone", "+1 217 555 0100");
        UUID addressId = shop.addAddress(customer, address);
        assertThat(shop.addToCart(customer, product, 2).status()).isEqualTo(200);

        Reply placed = shop.checkout(customer, Shop.newIdempotencyKey(), shop.customerCheckout(addressId, VISA));

        JsonNode answered = Checkouts.assertPaid(placed);
        UUID orderId = UUID.fromString(answered.path("id").asText());
        long number = answered.path("number").asLong();
        Reply read = platform.orders()
                .get("/api/orders/" + orderId)
                .bearer(customer.accessToken())
                .send();
        assertThat(read.status()).as(read.describe()).isEqualTo(200);
        JsonNode order = read.json();
        assertThat(order.path("status").asText()).isEqualTo("PAID");
        assertThat(order.path("number").asLong()).isEqualTo(number);
        assertThat(order.path("email").asText())
                .as("defaults to the token's e-mail")
                .isEqualTo(customer.email());
        assertThat(order.path("userId").asText()).isEqualTo(customer.id().toString());
        for (JsonNode snapshot : new JsonNode[] {order.path("shippingAddress"), order.path("billingAddress")}) {
            assertThat(snapshot.path("recipientName").asText())
                    .as(read.describe())
                    .isEqualTo("Ada Customer");
            assertThat(snapshot.path("company").asText()).isEqualTo("Analytical Engines Ltd");
            assertThat(snapshot.path("line1").asText()).isEqualTo("1 Market Street");
            assertThat(snapshot.path("city").asText()).isEqualTo("Springfield");
            assertThat(snapshot.path("postalCode").asText()).isEqualTo("62701");
            assertThat(snapshot.path("country").asText()).isEqualTo(Shop.COUNTRY);
        }
        assertThat(order.path("lines")).hasSize(1);
        assertThat(order.path("lines").get(0).path("sku").asText()).isEqualTo(product.sku());
        assertThat(order.path("lines").get(0).path("quantity").asInt()).isEqualTo(2);
        // 2 x 30.00, flat 5.00 shipping, 10 % tax on the goods only (shipping is not taxable here).
        assertThat(order.path("subtotalMinor").asLong()).isEqualTo(6_000);
        assertThat(order.path("shippingMinor").asLong()).isEqualTo(Shop.SHIPPING_RATE_MINOR);
        assertThat(order.path("taxMinor").asLong()).isEqualTo(600);
        assertThat(order.path("totalMinor").asLong()).isEqualTo(7_100);

        Mailbox.Mail confirmation = platform.mailbox()
                .await(
                        customer.email(),
                        mail -> mail.subject().contains(Long.toString(number)),
                        Duration.ofSeconds(20));
        assertThat(confirmation.text()).contains(Long.toString(number));

        Reply cart = shop.cart(customer);
        assertThat(cart.status()).as(cart.describe()).isEqualTo(200);
        assertThat(cart.json().path("lines")).as(cart.describe()).isEmpty();
        assertThat(cart.json().path("itemCount").asInt()).isZero();
    }
}
