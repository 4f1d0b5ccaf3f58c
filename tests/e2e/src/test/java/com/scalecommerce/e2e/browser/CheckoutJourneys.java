package com.scalecommerce.e2e.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalecommerce.e2e.harness.Browser;
import com.scalecommerce.e2e.harness.Platform;
import com.scalecommerce.e2e.harness.Shop;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the checkout journeys share: a product with a name of our choosing (Shop's products are named by id, and a
 * typo needs a word), and a guest walking through the storefront's checkout forms in the browser, a screenshot per
 * step. Everything goes through the same pages and buttons a person uses; no JavaScript is needed by any of them.
 */
final class CheckoutJourneys {

    /** A product on sale: its admin id, SKU, slug and name. */
    record NamedProduct(UUID id, String sku, String slug, String name) {}

    private final Platform platform;
    private final Shop shop;

    CheckoutJourneys(Platform platform) {
        this.platform = platform;
        this.shop = platform.shop();
    }

    /** An ACTIVE product named {@code name}, one SKU at {@code priceMinor} in the shop's currency, with stock. */
    NamedProduct createProduct(String name, long priceMinor, int stock) {
        String sku = "E2E-CO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var variant = new LinkedHashMap<String, Object>();
        variant.put("sku", sku);
        variant.put("priceMinor", priceMinor);
        variant.put("weightGrams", 400);
        var product = new LinkedHashMap<String, Object>();
        product.put("name", name);
        product.put("description", "A kite for the checkout journeys.");
        product.put("status", "ACTIVE");
        product.put("currency", Shop.CURRENCY);
        product.put("variants", List.of(variant));
        JsonNode created = platform.products()
                .post("/api/admin/products", product)
                .bearer(shop.adminToken())
                .send()
                .expect(201)
                .json();
        shop.receiveStock(sku, stock);
        return new NamedProduct(
                UUID.fromString(created.path("id").asText()),
                sku,
                created.path("slug").asText(),
                name);
    }

    static WebDriverWait waitIn(Browser browser) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
    }

    /** From the product page: adds one to the cart and lands on the cart page. */
    static void addToCart(Browser browser) {
        var wait = waitIn(browser);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("form.add-to-cart button[type=submit]")))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.cart tr.line")));
    }

    /**
     * From the cart page through address, shipping and payment to the review page, as a guest: {@code card} is the
     * label of the sandbox test card to pick.
     */
    static void checkOutAsGuest(Browser browser, String email, String card) {
        var wait = waitIn(browser);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='/checkout']")))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.checkout-address")));
        fill(browser, "email", email);
        fill(browser, "recipientName", "Grace Guest");
        fill(browser, "line1", "1 Market Street");
        fill(browser, "postalCode", "62701");
        fill(browser, "city", "Springfield");
        fill(browser, "region", "IL");
        new Select(browser.driver().findElement(By.id("country"))).selectByValue(Shop.COUNTRY);
        browser.screenshot("checkout-address");
        submit(browser, "form.checkout-address");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.shipping-options")));
        browser.screenshot("checkout-shipping");
        submit(browser, "form.shipping-options");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.test-cards")));
        choosePaymentAndContinue(browser, card);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.place-order")));
    }

    static void choosePaymentAndContinue(Browser browser, String card) {
        WebElement option = browser.driver()
                .findElement(By.xpath("//label[contains(@class,'test-card')][.//span[@class='name' and"
                        + " normalize-space()='" + card + "']]/input"));
        option.click();
        browser.screenshot("checkout-payment");
        submit(browser, "form.test-cards");
    }

    static void placeOrder(Browser browser) {
        submit(browser, "form.place-order");
    }

    static String text(Browser browser, String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    private static void fill(Browser browser, String id, String value) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private static void submit(Browser browser, String form) {
        browser.driver()
                .findElement(By.cssSelector(form + " button[type=submit]"))
                .click();
    }
}
