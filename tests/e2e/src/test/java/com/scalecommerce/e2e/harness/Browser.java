package com.scalecommerce.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for browser journeys: Debian's {@code chromium} driven by its {@code chromium-driver}
 * (installed by {@code ./scalecommerce test}); Selenium's own driver download is never used. Each journey saves
 * screenshots under {@code target/screenshots/<journey>/} as test output.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path screenshots;
    private int shot;

    private Browser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** A fresh browser profile (no cookies) for one journey. */
    public static Browser open(String journey) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(
                    "Browser tests need Debian's chromium and chromium-driver: run ./scalecommerce test, or"
                            + " apt-get install chromium chromium-driver");
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,900");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Path dir = Path.of("target", "screenshots", journey);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Browser(driver, dir);
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String url) {
        driver.get(url);
    }

    /**
     * Clicks what {@code target} finds once the page has finished loading, finding it again if the page replaced
     * it between the find and the click. Chromium's driver then fails with "Node with given id does not belong to
     * the document" (seen once in CI, right after a navigation whose heading had already appeared).
     */
    public void click(By target) {
        var settled = new WebDriverWait(driver, Duration.ofSeconds(10));
        settled.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        for (int attempt = 1; ; attempt++) {
            try {
                driver.findElement(target).click();
                return;
            } catch (StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            } catch (WebDriverException e) {
                if (attempt == 3
                        || e.getMessage() == null
                        || !e.getMessage().contains("does not belong to the document")) {
                    throw e;
                }
            }
        }
    }

    /** Saves what the browser shows now as {@code NN-<name>.png}; returns the file. */
    public Path screenshot(String name) {
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++shot, name));
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
