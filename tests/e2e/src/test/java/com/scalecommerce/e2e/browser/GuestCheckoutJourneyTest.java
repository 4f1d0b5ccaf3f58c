package com.scalecommerce.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.e2e.harness.Browser;
import com.scalecommerce.e2e.harness.EndToEnd;
import com.scalecommerce.e2e.harness.Mailbox;
import com.scalecommerce.e2e.harness.Platform;
import com.scalecommerce.e2e.harness.Shop;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A guest in a real browser buys a kite: searches with a typo (two letters swapped; products' trigram fallback
 * still finds it), opens the product, adds it to the cart, checks out step by step with the sandbox's succeeding
 * Visa test card, sees the confirmation with the order number, and the confirmation mail arrives. Screenshots of
 * every step land in target/screenshots/guest-checkout/.
 */
@EndToEnd
class GuestCheckoutJourneyTest {

    private final Platform platform;
    private final Shop shop;
    private final CheckoutJourneys journeys;

    GuestCheckoutJourneyTest(Platform platform) {
        this.platform = platform;
        this.shop = platform.shop();
        this.journeys = new CheckoutJourneys(platform);
    }

    @Test
    void aGuestFindsAKiteDespiteATypoAndBuysItWithTheSucceedingTestCard() {
        shop.shipping();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        var kite = journeys.createProduct("Marmalade Kite " + suffix, 2_500, 5);
        String email = Shop.guestEmail();

        try (Browser browser = Browser.open("guest-checkout")) {
            var wait = CheckoutJourneys.waitIn(browser);
            browser.go(platform.web().base().toString());
            var search = wait.until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.search input[name=q]")));
            browser.screenshot("home");
            // "Marmalade" with its last two letters swapped: no full-text match, found by similarity.
            search.sendKeys("Marmalaed");
            search.submit();
            var result = wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//li[contains(@class,'card')]//a[.//span[@class='name' and normalize-space()='"
                            + kite.name() + "']]")));
            browser.screenshot("search-with-typo");
            result.click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("article.product h1"), kite.name()));
            browser.screenshot("product");
            CheckoutJourneys.addToCart(browser);
            browser.screenshot("cart");

            CheckoutJourneys.checkOutAsGuest(browser, email, "Visa — succeeds");
            // $25.00 + $5.00 flat shipping + 10 % tax on the goods (shipping untaxed) = $32.50.
            assertThat(CheckoutJourneys.text(browser, ".summary .total")).isEqualTo("$32.50");
            assertThat(CheckoutJourneys.text(browser, "tr.line .name")).isEqualTo(kite.name());
            browser.screenshot("checkout-review");
            CheckoutJourneys.placeOrder(browser);

            var number = wait.until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".confirmation .order-number")));
            String orderNumber = number.getText();
            assertThat(orderNumber).matches("\\d+");
            assertThat(CheckoutJourneys.text(browser, ".mail-notice"))
                    .isEqualTo("A confirmation mail is on its way to " + email + ".");
            assertThat(CheckoutJourneys.text(browser, ".summary .total")).isEqualTo("$32.50");
            browser.screenshot("confirmation");

            Mailbox.Mail mail =
                    platform.mailbox().await(email, m -> m.subject().contains(orderNumber), Duration.ofSeconds(30));
            assertThat(mail.subject()).isEqualTo("Your order " + orderNumber + " is confirmed");
            assertThat(mail.text()).contains(kite.name());

            // The stock was sold, and the cart is empty now.
            assertThat(shop.stock(kite.sku())).isEqualTo(new Shop.Stock(4, 0, 4));
            browser.go(platform.web().base().resolve("/cart").toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.cart .empty")));
        }
    }
}
