package com.scalecommerce.e2e.harness;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The run's bootstrap administrator signing in to the web app in a browser, as a person would: the sign-in form,
 * then back to the admin page asked for.
 */
public final class AdminSignIn {

    private AdminSignIn() {}

    /** Opens {@code adminPath} (e.g. {@code /admin}) through the sign-in page and waits until it is shown. */
    public static void open(Browser browser, Platform platform, String adminPath) {
        browser.go(platform.web().base().resolve(adminPath).toString());
        var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
        // A guest asking for an admin page is sent to sign in first, and back there afterwards.
        var email = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));
        email.sendKeys(Platform.ADMIN_EMAIL);
        browser.driver().findElement(By.id("password")).sendKeys(platform.adminPassword());
        browser.driver()
                .findElement(By.cssSelector("form[action='/login'] button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.admin main#main")));
    }
}
