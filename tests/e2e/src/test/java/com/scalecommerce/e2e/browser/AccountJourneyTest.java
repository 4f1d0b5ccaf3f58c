package com.scalecommerce.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.e2e.harness.Browser;
import com.scalecommerce.e2e.harness.EndToEnd;
import com.scalecommerce.e2e.harness.Mailbox;
import com.scalecommerce.e2e.harness.Platform;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A new customer in a real browser: registers, gets the verification mail, opens its link and confirms, signs in,
 * edits the profile, adds an address, signs out. Every step goes through the storefront's forms (no JavaScript
 * needed) to the real users service. Screenshots land in target/screenshots/account/.
 */
@EndToEnd
class AccountJourneyTest {

    private final Platform platform;

    AccountJourneyTest(Platform platform) {
        this.platform = platform;
    }

    @Test
    void aNewCustomerRegistersConfirmsSignsInEditsTheProfileAndAddsAnAddress() {
        String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password =
                "kites over the harbour " + UUID.randomUUID().toString().substring(0, 6);

        try (Browser browser = Browser.open("account")) {
            var pages = new AccountPagesDriver(browser, platform.web().base());

            pages.open("/register");
            pages.expectHeading("Create an account");
            pages.fill("email", email);
            pages.fill("name", "Ada Browser");
            pages.fill("password", password);
            pages.fill("passwordAgain", password);
            browser.screenshot("register-form");
            pages.press("/register");
            pages.expectHeading("Check your mail");
            browser.screenshot("check-your-mail");

            Mailbox.Mail mail = platform.mailbox()
                    .await(email, m -> AccountPagesDriver.hasLink(m, "verify-email"), Duration.ofSeconds(30));
            pages.openLink(AccountPagesDriver.linkIn(mail));
            pages.expectHeading("Confirm your email address");
            browser.screenshot("confirm-email");
            pages.press("/verify-email");
            pages.expectHeading("Your email address is confirmed");
            browser.screenshot("email-confirmed");

            pages.click("Sign in");
            pages.expectHeading("Sign in");
            pages.fill("email", email);
            pages.fill("password", password);
            pages.press("/login");
            pages.expectHeading("Your account");
            assertThat(pages.text(".profile-summary")).contains("Ada Browser", email, "(confirmed)");
            browser.screenshot("account-overview");

            pages.click("Edit your profile");
            pages.expectHeading("Your profile");
            pages.fill("name", "Ada Lovelace");
            pages.fill("phone", "+44 20 7946 0000");
            pages.press("/account/profile");
            pages.expectHeading("Your account");
            assertThat(pages.text(".notice")).isEqualTo("Your profile is saved.");
            assertThat(pages.text(".profile-summary")).contains("Ada Lovelace", "+44 20 7946 0000");
            browser.screenshot("profile-saved");

            pages.open("/account/addresses");
            pages.expectHeading("Your addresses");
            pages.click("Add an address");
            pages.expectHeading("Add an address");
            pages.fill("label", "Home");
            pages.fill("recipientName", "Ada Lovelace");
            pages.fill("line1", "12 Analytical Row");
            pages.fill("postalCode", "NW1 2AB");
            pages.fill("city", "London");
            pages.choose("country", "GB");
            browser.screenshot("address-form");
            pages.press("/account/addresses");
            pages.expectHeading("Your addresses");
            assertThat(pages.text(".notice")).isEqualTo("The address is added.");
            // The first address becomes the default for shipping and billing (users' rule).
            assertThat(pages.text(".address"))
                    .contains("Home", "12 Analytical Row", "London", "Default shipping", "Default billing");
            browser.screenshot("address-added");

            pages.signOut();
            assertThat(pages.present("header a[href='/account']")).isFalse();
            browser.screenshot("signed-out");
            pages.open("/account");
            pages.expectHeading("Sign in");
        }
    }
}
