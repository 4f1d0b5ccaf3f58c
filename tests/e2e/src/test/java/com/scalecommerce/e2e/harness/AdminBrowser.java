package com.scalecommerce.e2e.harness;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The bootstrap administrator ({@link Platform#ADMIN_EMAIL} with the run's generated password) signing in through
 * the web app's own sign-in form, as a person would; afterwards the browser's session cookie carries the admin's
 * tokens.
 */
public final class AdminBrowser {

    private AdminBrowser() {}

    /** Opens {@code adminPath}, is sent to sign in, signs in, and waits until the browser is back there. */
    public static void signIn(Browser browser, Platform platform, String adminPath) {
        var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
        browser.go(platform.web().base().resolve(adminPath).toString());
        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action='/login'] input[name=email]")));
        var driver = browser.driver();
        driver.findElement(By.cssSelector("form[action='/login'] input[name=email]"))
                .sendKeys(Platform.ADMIN_EMAIL);
        driver.findElement(By.cssSelector("form[action='/login'] input[name=password]"))
                .sendKeys(platform.adminPassword());
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.urlContains(adminPath));
    }
}
