package com.scalecommerce.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalecommerce.e2e.harness.AdminSignIn;
import com.scalecommerce.e2e.harness.Browser;
import com.scalecommerce.e2e.harness.Customer;
import com.scalecommerce.e2e.harness.EndToEnd;
import com.scalecommerce.e2e.harness.Platform;
import com.scalecommerce.e2e.harness.Reply;
import com.scalecommerce.e2e.harness.Shop;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administrator in a real browser: signs in, opens the overview (its charts drawn from the live analytics),
 * finds a customer's order in the order list, opens it, starts fulfilment and ships it; then the overview shows
 * the order in its sales once analytics has taken in the events (asynchronously, hence the wait). Screenshots of
 * each step land in target/screenshots/admin-orders/.
 */
@EndToEnd
class AdminOrdersJourneyTest {

    private static final Duration ANALYTICS_CATCH_UP = Duration.ofSeconds(20);

    private final Platform platform;
    private final Shop shop;

    AdminOrdersJourneyTest(Platform platform, Shop shop) {
        this.platform = platform;
        this.shop = shop;
    }

    @Test
    void theAdminShipsAnOrderAndSeesItInTheSales() {
        try (Browser browser = Browser.open("admin-orders")) {
            var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
            AdminSignIn.open(browser, platform, "/admin?days=7");
            browser.screenshot("overview-first");
            // Right after start-up analytics' first report queries can outlast the panel's short timeout (the
            // overview then says analytics is unavailable, by design): reload until it answers in time.
            reloadUntilPresent(browser, "/admin?days=7", ".panel.funnel svg.funnel-chart");
            assertThat(browser.driver().findElements(By.cssSelector(".analytics-down")))
                    .as("analytics answers the overview")
                    .isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector(".panel.funnel svg rect.bar")))
                    .hasSize(4);
            long grossBefore = usdGross(browser);
            browser.screenshot("overview-before");

            JsonNode order = placeOrder();
            String orderId = order.path("id").asText();
            long number = order.path("number").asLong();
            long total = order.path("totalMinor").asLong();

            browser.go(platform.web().base().resolve("/admin/orders").toString());
            WebElement link = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("table.orders a[href='/admin/orders/" + orderId + "']")));
            assertThat(link.getText()).isEqualTo("#" + number);
            browser.screenshot("orders");

            link.click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1"), "Paid"));
            browser.screenshot("order-paid");
            browser.click(By.cssSelector("form.fulfil button"));
            var carrier = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("carrier")));
            carrier.sendKeys("DHL");
            browser.driver().findElement(By.id("tracking")).sendKeys("JD014600003SE");
            browser.click(By.cssSelector("form.ship button"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1"), "Shipped"));
            assertThat(browser.driver().findElement(By.cssSelector(".notice")).getText())
                    .isEqualTo("Order " + number + " was shipped with DHL (JD014600003SE).");
            assertThat(browser.driver()
                            .findElement(By.cssSelector("dd.shipment"))
                            .getText())
                    .isEqualTo("DHL, tracking JD014600003SE");
            List<String> timeline = browser.driver().findElements(By.cssSelector("ol.timeline li")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(timeline).anyMatch(entry -> entry.contains("Fulfilling → Shipped"));
            browser.screenshot("order-shipped");
            assertThat(shop.adminOrder(UUID.fromString(orderId)).path("status").asText())
                    .isEqualTo("SHIPPED");

            // Analytics takes the order in from the event stream: the overview catches up within seconds.
            long deadline = System.nanoTime() + ANALYTICS_CATCH_UP.toNanos();
            long grossAfter;
            do {
                browser.go(platform.web().base().resolve("/admin?days=7").toString());
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".panel.sales")));
                grossAfter = usdGross(browser);
            } while (grossAfter < grossBefore + total && System.nanoTime() < deadline && pause());
            assertThat(grossAfter)
                    .as("the overview's USD gross sales after the order")
                    .isEqualTo(grossBefore + total);
            assertThat(browser.driver().findElements(By.cssSelector(".panel.sales svg.bar-chart rect.bar")))
                    .as("one bar per day of the last 7")
                    .hasSize(7);
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".panel.recent-orders"))
                            .getText())
                    .contains("#" + number);
            browser.screenshot("overview-after");
        }
    }

    /** A registered customer's paid order (2 units, the sandbox's test Visa), placed through the APIs. */
    private JsonNode placeOrder() {
        Shop.Product product = shop.createProduct(2_500, 10);
        Customer customer = shop.registerCustomer();
        UUID address = shop.addAddress(customer, Shop.address("Ada Admin-Journey"));
        assertThat(shop.addToCart(customer, product, 2).status()).isEqualTo(200);
        Reply placed =
                shop.checkout(customer, Shop.newIdempotencyKey(), shop.customerCheckout(address, "pm_card_visa"));
        assertThat(placed.status()).as(placed.describe()).isEqualTo(201);
        JsonNode order = placed.json().path("order");
        assertThat(order.path("status").asText()).isEqualTo("PAID");
        return order;
    }

    /** The USD gross sales the overview shows, in cents; 0 while nothing has been sold in USD. */
    private static long usdGross(Browser browser) {
        var gross = browser.driver().findElements(By.cssSelector(".panel.sales [data-currency=USD] .kpis .gross"));
        if (gross.isEmpty()) {
            return 0;
        }
        return Long.parseLong(gross.getFirst().getText().replaceAll("[^0-9]", ""));
    }

    private void reloadUntilPresent(Browser browser, String path, String css) {
        long deadline = System.nanoTime() + ANALYTICS_CATCH_UP.toNanos();
        while (browser.driver().findElements(By.cssSelector(css)).isEmpty()
                && System.nanoTime() < deadline
                && pause()) {
            browser.go(platform.web().base().resolve(path).toString());
        }
        if (browser.driver().findElements(By.cssSelector(css)).isEmpty()) {
            browser.screenshot("missing-" + css.replaceAll("[^a-z]+", "-"));
            throw new AssertionError(css + " not on " + path + " within " + ANALYTICS_CATCH_UP.toSeconds() + " s: "
                    + browser.driver().findElement(By.tagName("main")).getText());
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(1_000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
