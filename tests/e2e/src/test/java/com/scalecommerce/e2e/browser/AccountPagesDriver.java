package com.scalecommerce.e2e.browser;

import com.scalecommerce.e2e.harness.Browser;
import com.scalecommerce.e2e.harness.Mailbox;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does on the account pages, in a real browser: open a page, type into fields by their id, press a
 * form's button, read headings and notices. Every step waits for the page it leads to, so a journey reads as
 * the steps a person takes.
 */
final class AccountPagesDriver {

    private static final Pattern MAILED_LINK =
            Pattern.compile("https?://[^\\s\"<>]+/(verify-email|reset-password)\\?token=[^\\s\"<>]+");

    private final Browser browser;
    private final URI web;
    private final WebDriverWait wait;

    AccountPagesDriver(Browser browser, URI web) {
        this.browser = browser;
        this.web = web;
        this.wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
    }

    void open(String path) {
        browser.go(web.resolve(path).toString());
    }

    /** Opens a link as it came in a mail (the platform mails links to this run's storefront). */
    void openLink(String url) {
        browser.go(url);
    }

    void fill(String id, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    void choose(String selectId, String value) {
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(selectId)))).selectByValue(value);
    }

    /** Presses the submit button of the main content's form that posts to {@code action}. */
    void press(String action) {
        WebElement button =
                browser.driver().findElement(By.cssSelector("main form[action='" + action + "'] button[type=submit]"));
        button.click();
        // The answer is a new page (a redirect's target, or the form again with its errors). While the page is being
        // replaced, chromedriver may answer a probe of the old button with a generic "node does not belong to the
        // document" instead of a stale-element error: both mean the old page is gone.
        wait.until(driver -> {
            try {
                button.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    void click(String linkText) {
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(linkText)))
                .click();
    }

    void signOut() {
        browser.driver()
                .findElement(By.cssSelector("header form[action='/logout'] button"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header a[href='/login']")));
    }

    /** Waits for the page whose main heading is {@code text}. */
    void expectHeading(String text) {
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), text));
    }

    String heading() {
        return browser.driver().findElement(By.cssSelector("main h1")).getText();
    }

    /** The element's visible text on one line (a browser breaks it where the layout does). */
    String text(String css) {
        return oneLine(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)))
                .getText());
    }

    List<String> texts(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream()
                .map(element -> oneLine(element.getText()))
                .toList();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    boolean present(String css) {
        return !browser.driver().findElements(By.cssSelector(css)).isEmpty();
    }

    String path() {
        return URI.create(browser.driver().getCurrentUrl()).getPath();
    }

    void screenshot(String name) {
        browser.screenshot(name);
    }

    /** The verify-email or reset-password link in a mail, whole. */
    static String linkIn(Mailbox.Mail mail) {
        Matcher link = MAILED_LINK.matcher(mail.text());
        if (!link.find()) {
            throw new AssertionError("no account link in the mail '" + mail.subject() + "': " + mail.text());
        }
        return link.group();
    }

    static boolean hasLink(Mailbox.Mail mail, String path) {
        Matcher link = MAILED_LINK.matcher(mail.text());
        return link.find() && link.group(1).equals(path);
    }
}
