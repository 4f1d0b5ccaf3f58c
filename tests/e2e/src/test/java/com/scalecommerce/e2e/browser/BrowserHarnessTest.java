package com.scalecommerce.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.e2e.harness.Browser;
import com.scalecommerce.e2e.harness.EndToEnd;
import com.scalecommerce.e2e.harness.Platform;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The browser harness itself: Debian's headless Chromium starts, renders a page the platform serves (the users
 * service's Swagger UI, which builds its page with JavaScript) and saves a screenshot. The storefront journeys of
 * issue 6 run on this harness.
 */
@EndToEnd
class BrowserHarnessTest {

    private final Platform platform;

    BrowserHarnessTest(Platform platform) {
        this.platform = platform;
    }

    @Test
    void headlessChromiumRendersAPlatformPageAndSavesAScreenshot() throws Exception {
        try (Browser browser = Browser.open("browser-harness")) {
            browser.go(platform.users().base().resolve("/q/swagger-ui/").toString());

            var title = new org.openqa.selenium.support.ui.WebDriverWait(
                            browser.driver(), java.time.Duration.ofSeconds(20))
                    .until(driver -> driver.findElement(By.cssSelector(".information-container .title")));
            assertThat(title.getText()).containsIgnoringCase("users");
            var shot = browser.screenshot("swagger-ui");
            assertThat(Files.size(shot)).isGreaterThan(1_000);
        }
    }
}
