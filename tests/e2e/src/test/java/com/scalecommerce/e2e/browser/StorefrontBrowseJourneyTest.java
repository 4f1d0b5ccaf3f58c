package com.scalecommerce.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.e2e.harness.Browser;
import com.scalecommerce.e2e.harness.EndToEnd;
import com.scalecommerce.e2e.harness.Platform;
import com.scalecommerce.e2e.harness.Shop;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A guest in a real browser: the storefront home, a search from the search bar, the product page the result
 * leads to. The product is created by the admin API a moment before, so the journey also shows that the
 * storefront reads the live catalog. Screenshots of each step land in target/screenshots/storefront-browse/.
 */
@EndToEnd
class StorefrontBrowseJourneyTest {

    private final Platform platform;
    private final Shop shop;

    StorefrontBrowseJourneyTest(Platform platform, Shop shop) {
        this.platform = platform;
        this.shop = shop;
    }

    @Test
    void aGuestSearchesFromTheHomePageAndOpensTheProduct() {
        Shop.Product product = shop.createProduct(1_999, 5);
        String name = platform.products()
                .get("/api/products/" + product.id())
                .send()
                .expect(200)
                .json()
                .path("name")
                .asText();

        try (Browser browser = Browser.open("storefront-browse")) {
            var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
            browser.go(platform.web().base().toString());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.search input[name=q]")));
            browser.screenshot("home");

            var search = browser.driver().findElement(By.cssSelector("form.search input[name=q]"));
            search.sendKeys(name);
            search.submit();
            var result = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//li[contains(@class,'card')]//a[.//span[@class='name' and normalize-space()='" + name + "']]")));
            browser.screenshot("search-results");

            result.click();
            var heading =
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.product h1")));
            assertThat(heading.getText()).isEqualTo(name);
            assertThat(browser.driver()
                            .findElement(By.cssSelector("article.product .price"))
                            .getText())
                    .contains("19.99");
            assertThat(browser.driver().findElements(By.cssSelector("form.add-to-cart")))
                    .hasSize(1);
            browser.screenshot("product");
        }
    }
}
