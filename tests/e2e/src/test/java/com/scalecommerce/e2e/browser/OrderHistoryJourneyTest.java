package com.scalecommerce.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalecommerce.e2e.harness.Browser;
import com.scalecommerce.e2e.harness.Customer;
import com.scalecommerce.e2e.harness.EndToEnd;
import com.scalecommerce.e2e.harness.Platform;
import com.scalecommerce.e2e.harness.Reply;
import com.scalecommerce.e2e.harness.Shop;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A customer with a paid order (placed through the APIs, as the checkout pages are not part of this journey)
 * signs in in a real browser, finds the order in the history, opens it (lines, total, timeline) and cancels it;
 * orders then has it CANCELLED. Screenshots land in target/screenshots/order-history/.
 */
@EndToEnd
class OrderHistoryJourneyTest {

    private static final String TEST_VISA = "pm_card_visa";

    private final Platform platform;
    private final Shop shop;

    OrderHistoryJourneyTest(Platform platform) {
        this.platform = platform;
        this.shop = platform.shop();
    }

    @Test
    void aCustomerFindsTheOrderInTheHistoryAndCancelsIt() {
        Shop.Product product = shop.createProduct(2_500, 5);
        Customer customer = shop.registerCustomer();
        UUID addressId = shop.addAddress(customer, Shop.address("Ada Customer"));
        assertThat(shop.addToCart(customer, product, 2).status()).isEqualTo(200);
        Reply placed = shop.checkout(customer, Shop.newIdempotencyKey(), shop.customerCheckout(addressId, TEST_VISA));
        assertThat(placed.status()).as(placed.describe()).isEqualTo(201);
        JsonNode order = placed.json().path("order");
        assertThat(order.path("status").asText()).as(placed.describe()).isEqualTo("PAID");
        String orderId = order.path("id").asText();
        long number = order.path("number").asLong();

        try (Browser browser = Browser.open("order-history")) {
            var pages = new AccountPagesDriver(browser, platform.web().base());
            pages.open("/login?next=/account/orders");
            pages.fill("email", customer.email());
            pages.fill("password", customer.password());
            pages.press("/login");
            pages.expectHeading("Your orders");
            assertThat(pages.text("table.orders tbody")).contains("No. " + number, "Paid", "$60.00");
            browser.screenshot("history");

            pages.click("No. " + number);
            pages.expectHeading("Order No. " + number);
            assertThat(pages.text("table.order-lines")).contains(product.sku(), "$25.00");
            // 2 x 25.00 + 5.00 shipping + 10 % tax on the goods.
            assertThat(pages.text(".totals")).contains("Total $60.00");
            assertThat(pages.text(".order-addresses")).contains("Ada Customer", "1 Market Street", "Springfield");
            assertThat(pages.texts(".timeline li"))
                    .anySatisfy(entry -> assertThat(entry).contains("Order placed"))
                    .anySatisfy(entry -> assertThat(entry).contains("Paid"));
            assertThat(pages.text(".progress li.current")).isEqualTo("Paid");
            browser.screenshot("order-detail");

            pages.press("/account/orders/" + orderId + "/cancel");
            pages.expectHeading("Order No. " + number);
            assertThat(pages.text(".notice")).startsWith("Your order is cancelled.");
            assertThat(pages.present("form[action$='/cancel']")).isFalse();
            assertThat(pages.texts(".timeline li"))
                    .anySatisfy(entry -> assertThat(entry).contains("Cancelled"));
            browser.screenshot("order-cancelled");
        }

        Reply read = platform.orders()
                .get("/api/orders/" + orderId)
                .bearer(customer.accessToken())
                .send();
        assertThat(read.json().path("status").asText()).as(read.describe()).isEqualTo("CANCELLED");
    }
}
