package com.scalecommerce.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.e2e.harness.Browser;
import com.scalecommerce.e2e.harness.Customer;
import com.scalecommerce.e2e.harness.EndToEnd;
import com.scalecommerce.e2e.harness.Mailbox;
import com.scalecommerce.e2e.harness.Platform;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A customer who forgot the password, in a real browser: asks for a link from the sign-in page, opens the mailed
 * link, chooses a new password, and signs in with it; the old one no longer works. Screenshots land in
 * target/screenshots/forgot-password/.
 */
@EndToEnd
class ForgotPasswordJourneyTest {

    private final Platform platform;

    ForgotPasswordJourneyTest(Platform platform) {
        this.platform = platform;
    }

    @Test
    void aCustomerResetsTheForgottenPasswordThroughTheMailedLink() {
        Customer customer = platform.shop().registerCustomer();
        String newPassword = "a brand new kite string";

        try (Browser browser = Browser.open("forgot-password")) {
            var pages = new AccountPagesDriver(browser, platform.web().base());
            pages.open("/login");
            pages.click("Forgot your password?");
            pages.expectHeading("Forgot your password?");
            pages.fill("email", customer.email());
            pages.press("/forgot-password");
            pages.expectHeading("Check your mail");
            assertThat(pages.text(".notice")).startsWith("If an account exists for this address");
            browser.screenshot("reset-requested");

            Mailbox.Mail mail = platform.mailbox()
                    .await(
                            customer.email(),
                            m -> AccountPagesDriver.hasLink(m, "reset-password"),
                            Duration.ofSeconds(30));
            pages.openLink(AccountPagesDriver.linkIn(mail));
            pages.expectHeading("Choose a new password");
            pages.fill("password", newPassword);
            pages.fill("passwordAgain", newPassword);
            browser.screenshot("new-password");
            pages.press("/reset-password");
            pages.expectHeading("Sign in");
            assertThat(pages.text(".notice"))
                    .isEqualTo("Your password has been changed. Sign in with your new password.");
            browser.screenshot("sign-in-with-notice");

            pages.fill("email", customer.email());
            pages.fill("password", newPassword);
            pages.press("/login");
            pages.expectHeading("Your account");
            assertThat(pages.text(".profile-summary")).contains(customer.email());
            browser.screenshot("signed-in");
        }

        assertThat(platform.users()
                        .post("/api/auth/login", Map.of("email", customer.email(), "password", customer.password()))
                        .send()
                        .status())
                .as("the old password")
                .isEqualTo(401);
    }
}
