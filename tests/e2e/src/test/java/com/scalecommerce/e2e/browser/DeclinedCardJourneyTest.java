package com.scalecommerce.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.e2e.harness.Browser;
import com.scalecommerce.e2e.harness.EndToEnd;
import com.scalecommerce.e2e.harness.Platform;
import com.scalecommerce.e2e.harness.Shop;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A guest pays with the sandbox's declined test card: the payment step comes back saying the card was declined and
 * nothing was charged, the stock the order held is released at products, and the cart still holds the kite.
 * Screenshots in target/screenshots/declined-card/.
 */
@EndToEnd
class DeclinedCardJourneyTest {

    private final Platform platform;
    private final Shop shop;
    private final CheckoutJourneys journeys;

    DeclinedCardJourneyTest(Platform platform) {
        this.platform = platform;
        this.shop = platform.shop();
        this.journeys = new CheckoutJourneys(platform);
    }

    @Test
    void aDeclinedCardIsSaidClearlyAndTheStockIsReleased() {
        shop.shipping();
        var kite = journeys.createProduct(
                "Declined Kite " + UUID.randomUUID().toString().substring(0, 6), 4_200, 5);

        try (Browser browser = Browser.open("declined-card")) {
            var wait = CheckoutJourneys.waitIn(browser);
            browser.go(platform.web().base().resolve("/p/" + kite.slug()).toString());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("article.product h1"), kite.name()));
            browser.screenshot("product");
            CheckoutJourneys.addToCart(browser);
            CheckoutJourneys.checkOutAsGuest(browser, Shop.guestEmail(), "Declined card");
            browser.screenshot("checkout-review");
            CheckoutJourneys.placeOrder(browser);

            var message = wait.until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.checkout .message")));
            assertThat(message.getText())
                    .isEqualTo("Your card was declined. Nothing was charged and your cart is kept: choose another"
                            + " payment method.");
            assertThat(browser.driver().findElements(By.cssSelector("form.test-cards")))
                    .hasSize(1);
            browser.screenshot("declined");

            // The order's hold on the stock is released: all five are available again.
            assertThat(shop.stock(kite.sku())).isEqualTo(new Shop.Stock(5, 0, 5));
            browser.go(platform.web().base().resolve("/cart").toString());
            var line = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.line .name")));
            assertThat(line.getText()).isEqualTo(kite.name());
            browser.screenshot("cart-kept");
        }
    }
}
