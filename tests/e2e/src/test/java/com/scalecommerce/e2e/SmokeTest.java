package com.scalecommerce.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalecommerce.e2e.harness.Api;
import com.scalecommerce.e2e.harness.EndToEnd;
import com.scalecommerce.e2e.harness.Guest;
import com.scalecommerce.e2e.harness.Platform;
import com.scalecommerce.e2e.harness.Reply;
import com.scalecommerce.e2e.harness.Shop;
import com.scalecommerce.e2e.harness.Shop.Product;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The platform runs and its services talk to each other: users' tokens, products' catalog, orders' cart. */
@EndToEnd
class SmokeTest {

    private final Platform platform;
    private final Shop shop;

    SmokeTest(Platform platform) {
        this.platform = platform;
        this.shop = platform.shop();
    }

    @Test
    void everyServiceIsReady() {
        for (Api api : List.of(platform.users(), platform.products(), platform.orders())) {
            assertThat(api.get("/q/health/ready").send().status())
                    .as(api.name())
                    .isEqualTo(200);
        }
    }

    @Test
    void aGuestCartShowsThePriceOfAProductTheAdminListed() {
        Product product = shop.createProduct(2_499, 7);
        assertThat(shop.stock(product.sku())).isEqualTo(new Shop.Stock(7, 0, 7));

        Guest guest = shop.guestCartWith(product, 2);

        Reply reply = shop.cart(guest);
        assertThat(reply.status()).as(reply.describe()).isEqualTo(200);
        JsonNode cart = reply.json();
        assertThat(cart.path("currency").asText()).isEqualTo(Shop.CURRENCY);
        assertThat(cart.path("lines")).hasSize(1);
        JsonNode line = cart.path("lines").get(0);
        assertThat(line.path("sku").asText()).isEqualTo(product.sku());
        assertThat(line.path("productId").asText()).isEqualTo(product.id().toString());
        assertThat(line.path("unitPriceMinor").asLong()).isEqualTo(2_499);
        assertThat(line.path("quantity").asInt()).isEqualTo(2);
        assertThat(line.path("available").asBoolean()).isTrue();
        assertThat(cart.path("subtotalMinor").asLong()).isEqualTo(4_998);
    }

    @Test
    void anAdminTokenFromUsersIsAcceptedByProductsAndOrders() {
        String token = shop.adminToken();
        assertThat(platform.products()
                        .get("/api/admin/inventory?limit=1")
                        .bearer(token)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(platform.orders()
                        .get("/api/admin/orders?limit=1")
                        .bearer(token)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(platform.orders().get("/api/admin/orders?limit=1").send().status())
                .as("without a token")
                .isEqualTo(401);
    }
}
