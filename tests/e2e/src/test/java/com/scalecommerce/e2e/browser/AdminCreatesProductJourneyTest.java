package com.scalecommerce.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.e2e.harness.AdminSignIn;
import com.scalecommerce.e2e.harness.Browser;
import com.scalecommerce.e2e.harness.EndToEnd;
import com.scalecommerce.e2e.harness.Platform;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administrator in a real browser, through the admin dashboard only: signs in, creates a product with its
 * first variant, receives stock for it, publishes it; then the product shows in the storefront's search and on
 * its page, in stock. Screenshots of each step land in target/screenshots/admin-creates-product/.
 */
@EndToEnd
class AdminCreatesProductJourneyTest {

    private final Platform platform;

    AdminCreatesProductJourneyTest(Platform platform) {
        this.platform = platform;
    }

    /**
     * The one-time notice a change answers with; when the page shows something else (a refusal, a 503), the
     * failure names what it said and leaves a screenshot.
     */
    private static String notice(Browser browser, String step) {
        try {
            return new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.notice")))
                    .getText();
        } catch (TimeoutException e) {
            browser.screenshot("failed-" + step);
            throw new AssertionError(
                    step + ": no notice; the page said: "
                            + browser.driver().findElement(By.tagName("main")).getText(),
                    e);
        }
    }

    @Test
    void theAdminCreatesStocksAndPublishesAProductThatShoppersThenFind() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String name = "Admin kite " + id;
        String sku = "ADM-" + id.toUpperCase();

        try (Browser browser = Browser.open("admin-creates-product")) {
            WebDriver driver = browser.driver();
            var wait = new WebDriverWait(driver, Duration.ofSeconds(20));

            AdminSignIn.open(browser, platform, "/admin/products");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1#products-title")));
            browser.screenshot("products");

            driver.findElement(By.linkText("New product")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action='/admin/products']")));
            driver.findElement(By.id("name")).sendKeys(name);
            driver.findElement(By.id("description")).sendKeys("A stable single-line kite for light wind.");
            driver.findElement(By.id("brand")).sendKeys("Skyworks");
            driver.findElement(By.id("attributes")).sendKeys("material: ripstop\npanels: 4");
            driver.findElement(By.id("variant-sku")).sendKeys(sku);
            driver.findElement(By.id("variant-price")).sendKeys("24.50");
            driver.findElement(By.id("variant-weightGrams")).sendKeys("350");
            driver.findElement(By.id("variant-options")).sendKeys("Size: M");
            browser.screenshot("new-product-form");
            driver.findElement(By.cssSelector("form[action='/admin/products'] button[type=submit]"))
                    .click();

            assertThat(notice(browser, "create")).isEqualTo("Product \u201c" + name + "\u201d created.");
            assertThat(driver.findElement(By.cssSelector("h1#product-title")).getText())
                    .isEqualTo(name);
            assertThat(driver.findElement(By.cssSelector(".admin-heading .status"))
                            .getText())
                    .isEqualTo("DRAFT");
            String productPage = driver.getCurrentUrl();
            browser.screenshot("product-created");

            driver.findElement(By.cssSelector(
                            "article.variant[data-sku='" + sku + "'] a[href='/admin/inventory/" + sku + "']"))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receive-quantity")));
            assertThat(driver.findElement(By.cssSelector("dd.on-hand")).getText())
                    .isEqualTo("0");
            driver.findElement(By.id("receive-quantity")).sendKeys("7");
            driver.findElement(By.id("receive-reference")).sendKeys("PO-" + id);
            driver.findElement(By.cssSelector("form.receive button[type=submit]"))
                    .click();
            assertThat(notice(browser, "receive")).isEqualTo("Received 7: 7 on hand, 7 available.");
            assertThat(driver.findElement(By.cssSelector("table.ledger tbody")).getText())
                    .contains("RECEIVED", "+7", "PO-" + id);
            browser.screenshot("stock-received");

            browser.go(productPage);
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("form.publish button")))
                    .click();
            assertThat(notice(browser, "publish")).isEqualTo("Published: shoppers can find it now.");
            assertThat(driver.findElement(By.cssSelector(".admin-heading .status"))
                            .getText())
                    .isEqualTo("ACTIVE");
            assertThat(driver.findElement(By.cssSelector("article.variant[data-sku='" + sku + "'] .stock"))
                            .getText())
                    .contains("on hand 7");
            browser.screenshot("product-published");

            // The storefront and products cache catalog reads for a few seconds: search until it shows.
            String search = platform.web()
                    .base()
                    .resolve("/search?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .toString();
            var result = By.xpath(
                    "//li[contains(@class,'card')]//a[.//span[@class='name' and normalize-space()='" + name + "']]");
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .pollingEvery(Duration.ofSeconds(1))
                    .until(d -> {
                        d.get(search);
                        return !d.findElements(result).isEmpty();
                    });
            browser.screenshot("storefront-search");

            driver.findElement(result).click();
            var heading =
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.product h1")));
            assertThat(heading.getText()).isEqualTo(name);
            assertThat(driver.findElement(By.cssSelector("article.product .price"))
                            .getText())
                    .contains("24.50");
            assertThat(driver.findElement(By.cssSelector("article.product .stock"))
                            .getText())
                    .isEqualTo("In stock");
            assertThat(driver.findElements(By.cssSelector("form.add-to-cart"))).hasSize(1);
            browser.screenshot("storefront-product");
        }
    }
}
