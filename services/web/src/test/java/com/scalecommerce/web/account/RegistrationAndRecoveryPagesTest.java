package com.scalecommerce.web.account;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.scalecommerce.web.storefront.Browser;
import com.scalecommerce.web.storefront.OrdersStub;
import com.scalecommerce.web.storefront.ProductsStub;
import com.scalecommerce.web.storefront.UsersStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Registration, email verification and password recovery against a WireMock users answering its real shapes
 * (202 {status, message}, 204, problem+json with field errors): each form posts users the right body, users'
 * words are shown per field, nothing changes on a GET, and every POST needs the session's CSRF token.
 */
@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
@QuarkusTestResource(UsersStub.class)
class RegistrationAndRecoveryPagesTest {

    private static final Map<String, Object> CHECK_YOUR_INBOX = Map.of(
            "status", "PENDING_VERIFICATION",
            "message", "Check your inbox: we sent a mail to finish setting up your account.");

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void freshStart() {
        breakers.resetAll();
        UsersStub.server.resetAll();
        OrdersStub.server.resetAll();
        ProductsStub.categories("Kites", "kites");
    }

    @Test
    void registeringPostsTheFormToUsersAndSaysCheckYourMail() {
        UsersStub.stub(WireMock.post(urlEqualTo("/api/auth/register")), 202, CHECK_YOUR_INBOX);
        Form form = Form.open("/register");

        Response sent = form.post(Map.of(
                "email", " ada@example.com ",
                "name", "Ada",
                "password", "a long passphrase",
                "passwordAgain", "a long passphrase"));

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.header("Location")).endsWith("/register/check-your-mail");
        UsersStub.server.verify(postRequestedFor(urlEqualTo("/api/auth/register"))
                .withRequestBody(equalToJson(
                        "{\"email\":\"ada@example.com\",\"password\":\"a long passphrase\",\"name\":\"Ada\"}")));
        Document page = Jsoup.parse(
                Browser.get("/register/check-your-mail", form.after(sent)).asString());
        assertThat(page.select("h1").text()).isEqualTo("Check your mail");
        assertThat(page.select(".notice").text()).isEqualTo(CHECK_YOUR_INBOX.get("message"));
        // Registering signs nobody in.
        assertThat(page.select("header a[href=/login]")).hasSize(1);
    }

    @Test
    void usersPolicyMessagesAreShownBesideTheirFields() {
        UsersStub.stub(
                WireMock.post(urlEqualTo("/api/auth/register")),
                400,
                fieldProblem("password", "is too common: choose a password that is harder to guess"));
        Form form = Form.open("/register");

        Response refused = form.post(Map.of(
                "email", "ada@example.com", "name", "Ada", "password", "password1", "passwordAgain", "password1"));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select("#password-error").text())
                .isEqualTo("Password is too common: choose a password that is harder to guess.");
        assertThat(page.select("#password").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#email").val()).isEqualTo("ada@example.com");
        assertThat(page.select("#name").val()).isEqualTo("Ada");
        assertThat(page.select("#password").val()).isEmpty();
        assertThat(page.select(".problem").text()).isEqualTo("One or more fields are invalid.");
    }

    @Test
    void passwordsThatDifferAreSaidWithoutCallingUsers() {
        Form form = Form.open("/register");

        Response refused = form.post(
                Map.of("email", "ada@example.com", "password", "one long phrase", "passwordAgain", "another"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.asString())
                        .select("#passwordAgain-error")
                        .text())
                .isEqualTo("The two passwords are not the same.");
        UsersStub.server.verify(0, postRequestedFor(urlEqualTo("/api/auth/register")));
    }

    @Test
    void tooManyRegistrationsFromHereAreSaidPlainly() {
        UsersStub.stub(
                WireMock.post(urlEqualTo("/api/auth/register")),
                429,
                UsersStub.problem(429, "TOO_MANY_REQUESTS", "Too many requests."));
        Form form = Form.open("/register");

        Response refused = form.post(
                Map.of("email", "ada@example.com", "password", "one long phrase", "passwordAgain", "one long phrase"));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Jsoup.parse(refused.asString()).select(".problem").text()).startsWith("Too many attempts");
    }

    @Test
    void everyPublicFormIsRefusedWithoutTheSessionsToken() {
        for (String path : List.of("/register", "/verify-email", "/forgot-password", "/reset-password")) {
            Response refused = Browser.post(
                    path,
                    null,
                    Map.of(
                            "email", "ada@example.com",
                            "token", "t0ken",
                            "password", "a long passphrase",
                            "passwordAgain", "a long passphrase"));
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
        }
        Form other = Form.open("/register");
        Response wrong = Browser.post(
                "/forgot-password", other.cookie, Map.of("_csrf", "not-the-token", "email", "ada@example.com"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(UsersStub.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void theMailedVerificationLinkChangesNothingUntilThePersonConfirms() {
        UsersStub.stub(WireMock.post(urlEqualTo("/api/auth/email/verify")), 204, null);

        Form confirm = Form.open("/verify-email?token=mailed-token_123");

        // Opening the link (or a mail scanner fetching it) calls nobody.
        assertThat(UsersStub.server.getAllServeEvents()).isEmpty();
        assertThat(confirm.page
                        .select("main form[action=/verify-email] input[name=token]")
                        .val())
                .isEqualTo("mailed-token_123");
        assertThat(confirm.page.select("main form button").text()).isEqualTo("Confirm my email");

        Response confirmed = confirm.post(Map.of("token", "mailed-token_123"));

        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(confirmed.header("Location")).endsWith("/verify-email/confirmed");
        UsersStub.server.verify(postRequestedFor(urlEqualTo("/api/auth/email/verify"))
                .withRequestBody(equalToJson("{\"token\":\"mailed-token_123\"}")));
        Document done = Jsoup.parse(Browser.get("/verify-email/confirmed", null).asString());
        assertThat(done.select("h1").text()).isEqualTo("Your email address is confirmed");
    }

    @Test
    void aUsedVerificationLinkShowsUsersWordsAndTheWayToANewOne() {
        UsersStub.stub(
                WireMock.post(urlEqualTo("/api/auth/email/verify")),
                400,
                UsersStub.problem(400, "INVALID_TOKEN", "This verification link is invalid, used or expired."));
        Form confirm = Form.open("/verify-email?token=spent");

        Response refused = confirm.post(Map.of("token", "spent"));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select(".problem").text()).isEqualTo("This verification link is invalid, used or expired.");
        assertThat(page.select("main a[href=/register]")).hasSize(1);
        assertThat(page.select("main form")).isEmpty();
    }

    @Test
    void aLinkWithoutItsTokenIsA400PageWithoutAForm() {
        Response page = Browser.get("/verify-email", null);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(page.asString()).select("main form")).isEmpty();
        assertThat(Browser.get("/reset-password", null).statusCode()).isEqualTo(400);
    }

    @Test
    void forgotPasswordAlwaysGivesTheSameAnswer() {
        UsersStub.stub(
                WireMock.post(urlEqualTo("/api/auth/password/forgot")),
                202,
                Map.of("status", "RESET_REQUESTED", "message", "anything users says"));
        Form form = Form.open("/forgot-password");

        Response sent = form.post(Map.of("email", "someone@example.com"));

        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.header("Location")).endsWith("/forgot-password/sent");
        UsersStub.server.verify(postRequestedFor(urlEqualTo("/api/auth/password/forgot"))
                .withRequestBody(equalToJson("{\"email\":\"someone@example.com\"}")));
        Document page = Jsoup.parse(
                Browser.get("/forgot-password/sent", form.after(sent)).asString());
        assertThat(page.select(".notice").text())
                .isEqualTo("If an account exists for this address, we sent a mail with a link to reset its password.");
    }

    @Test
    void resettingThePasswordSendsTheTokenAndLeadsToSignInWithANotice() {
        UsersStub.stub(WireMock.post(urlEqualTo("/api/auth/password/reset")), 204, null);
        Form form = Form.open("/reset-password?token=reset-token");
        assertThat(form.page.select("main form input[name=token]").val()).isEqualTo("reset-token");

        Response reset = form.post(Map.of(
                "token", "reset-token", "password", "a brand new phrase", "passwordAgain", "a brand new phrase"));

        assertThat(reset.statusCode()).isEqualTo(303);
        assertThat(reset.header("Location")).endsWith("/login");
        UsersStub.server.verify(postRequestedFor(urlEqualTo("/api/auth/password/reset"))
                .withRequestBody(equalToJson("{\"token\":\"reset-token\",\"password\":\"a brand new phrase\"}")));
        Document signIn = Jsoup.parse(Browser.get("/login", form.after(reset)).asString());
        assertThat(signIn.select(".notice").text())
                .isEqualTo("Your password has been changed. Sign in with your new password.");
    }

    @Test
    void aResetShowsThePolicyMessageAndAnExpiredLinkOffersANewOne() {
        UsersStub.stub(
                WireMock.post(urlEqualTo("/api/auth/password/reset")),
                400,
                fieldProblem("password", "must be at least 8 characters"));
        Form form = Form.open("/reset-password?token=reset-token");

        Response tooShort = form.post(Map.of("token", "reset-token", "password", "short", "passwordAgain", "short"));

        assertThat(tooShort.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(tooShort.asString());
        assertThat(page.select("#password-error").text()).isEqualTo("The new password must be at least 8 characters.");
        assertThat(page.select("main form input[name=token]").val()).isEqualTo("reset-token");

        UsersStub.server.resetAll();
        UsersStub.stub(
                WireMock.post(urlEqualTo("/api/auth/password/reset")),
                400,
                UsersStub.problem(
                        400, "INVALID_TOKEN", "This reset link is invalid, used or expired. Ask for a new one."));
        Response expired = form.post(
                Map.of("token", "reset-token", "password", "a long phrase", "passwordAgain", "a long phrase"));
        Document gone = Jsoup.parse(expired.asString());
        assertThat(gone.select(".problem").text())
                .isEqualTo("This reset link is invalid, used or expired. Ask for a new one.");
        assertThat(gone.select("main form")).isEmpty();
        assertThat(gone.select("main a[href=/forgot-password]")).hasSize(1);
    }

    @Test
    void usersDownIsAFriendly503() {
        UsersStub.stub(
                WireMock.post(urlEqualTo("/api/auth/register")), 503, UsersStub.problem(503, "UNAVAILABLE", "down"));
        Form form = Form.open("/register");

        Response down = form.post(
                Map.of("email", "ada@example.com", "password", "one long phrase", "passwordAgain", "one long phrase"));

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(Jsoup.parse(down.asString()).select("main h1").text()).isEqualTo("The shop is busy");
        assertThat(down.asString()).doesNotContain("Exception");
    }

    private static Map<String, Object> fieldProblem(String field, String message) {
        return Map.of(
                "type", "https://docs.scalecommerce.dev/problems/validation-failed",
                "title", "Invalid input",
                "status", 400,
                "detail", "One or more fields are invalid.",
                "code", "VALIDATION_FAILED",
                "errors", List.of(Map.of("field", field, "message", message)));
    }

    /** A page with a form, opened by a browser without a session: the cookie it got and the form's token. */
    private record Form(String cookie, String csrf, Document page) {

        static Form open(String path) {
            Response response = Browser.get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return new Form(
                    Browser.cookieAfter(response, null), Browser.csrf(response), Jsoup.parse(response.asString()));
        }

        Response post(Map<String, String> fields) {
            var form = new java.util.HashMap<>(fields);
            form.put("_csrf", csrf);
            String action = page.select("main form").attr("action");
            return Browser.post(action, cookie, form);
        }

        String after(Response response) {
            return Browser.cookieAfter(response, cookie);
        }
    }
}
