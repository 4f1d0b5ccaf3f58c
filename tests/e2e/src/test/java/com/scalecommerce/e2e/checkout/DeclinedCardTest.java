package com.scalecommerce.e2e.checkout;

import static com.scalecommerce.e2e.checkout.Checkouts.DECLINED_CARD;
import static com.scalecommerce.e2e.checkout.Checkouts.VISA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalecommerce.e2e.harness.EndToEnd;
import com.scalecommerce.e2e.harness.Guest;
import com.scalecommerce.e2e.harness.Platform;
import com.scalecommerce.e2e.harness.Reply;
import com.scalecommerce.e2e.harness.Shop;
import com.scalecommerce.e2e.harness.Shop.Product;
import com.scalecommerce.e2e.harness.Shop.Stock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A declined card costs the shopper nothing: no stock held, the cart kept for another try. */
@EndToEnd
class DeclinedCardTest {

    private final Platform platform;
    private final Shop shop;

    DeclinedCardTest(Platform platform) {
        this.platform = platform;
        this.shop = platform.shop();
    }

    @Test
    void aDeclinedCardFailsThePaymentReleasesTheStockAndKeepsTheCart() {
        Product product = shop.createProduct(4_200, 5);
        Guest guest = shop.guestCartWith(product, 1);

        Reply declined =
                shop.checkout(guest, Shop.newIdempotencyKey(), shop.guestCheckout(Shop.guestEmail(), DECLINED_CARD));

        JsonNode problem = Checkouts.assertProblem(declined, 402, "PAYMENT_DECLINED");
        assertThat(problem.path("declineCode").asText()).as(declined.describe()).isEqualTo("card_declined");
        UUID orderId = UUID.fromString(problem.path("orderId").asText());
        assertThat(shop.adminOrder(orderId).path("status").asText()).isEqualTo("PAYMENT_FAILED");
        assertThat(Checkouts.paymentStatus(platform.ordersDb(), orderId)).isEqualTo("DECLINED");
        assertThat(shop.stock(product.sku())).as("reservation released").isEqualTo(new Stock(5, 0, 5));
        assertCartHolds(guest, product, 1);
        Checkouts.assertPaymentInvariants(platform.ordersDb());
    }

    @Test
    void afterADeclineTheShopperPaysWithAnotherCard() {
        Product product = shop.createProduct(4_200, 5);
        Guest guest = shop.guestCartWith(product, 1);
        String email = Shop.guestEmail();
        Checkouts.assertProblem(
                shop.checkout(guest, Shop.newIdempotencyKey(), shop.guestCheckout(email, DECLINED_CARD)),
                402,
                "PAYMENT_DECLINED");

        Reply retried = shop.checkout(guest, Shop.newIdempotencyKey(), shop.guestCheckout(email, VISA));

        Checkouts.assertPaid(retried);
        assertThat(shop.stock(product.sku())).isEqualTo(new Stock(4, 0, 4));
        assertThat(shop.cart(guest).expect(200).json().path("lines"))
                .as("cart after paying")
                .isEmpty();
    }

    private void assertCartHolds(Guest guest, Product product, int quantity) {
        Reply cart = shop.cart(guest);
        assertThat(cart.status()).as(cart.describe()).isEqualTo(200);
        JsonNode lines = cart.json().path("lines");
        assertThat(lines).as(cart.describe()).hasSize(1);
        assertThat(lines.get(0).path("sku").asText()).isEqualTo(product.sku());
        assertThat(lines.get(0).path("quantity").asInt()).isEqualTo(quantity);
    }
}
