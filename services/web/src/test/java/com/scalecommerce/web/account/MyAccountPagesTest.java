package com.scalecommerce.web.account;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The signed-in person's account pages against a WireMock users answering its real shapes (Profile, Address,
 * problem+json): every page and form sends the session's bearer, forms send users' exact bodies, refusals are
 * shown on the form, a guest is sent to sign in, a 401 signs the browser out, users down is a 503 page.
 */
@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
@QuarkusTestResource(UsersStub.class)
class MyAccountPagesTest {

    private static final String HOME = "0f3a9a52-8a8c-4f5e-9a57-0d1c2b3a4f01";
    private static final String OFFICE = "7c2d1e0f-3b4a-4c5d-8e9f-1a2b3c4d5e6f";

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
    void aGuestIsSentToSignInAndBackToThePage() {
        for (String path : List.of(
                "/account",
                "/account/profile",
                "/account/password",
                "/account/addresses",
                "/account/addresses/new",
                "/account/orders",
                "/account/orders/" + HOME)) {
            Response response = Browser.get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(303);
            assertThat(response.header("Location")).as(path).endsWith("/login?next=" + path.replace("/", "%2F"));
        }
        assertThat(UsersStub.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void theOverviewShowsTheProfileFromUsersAskedWithTheBearer() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        UsersStub.stub(WireMock.get(urlEqualTo("/api/users/me")), 200, profile("Ada Lovelace", "+44 20 7946 0000"));

        Document page = browser.page("/account");

        assertThat(page.select("h1").text()).isEqualTo("Your account");
        assertThat(page.select(".profile-summary").text())
                .contains("Ada Lovelace")
                .contains("ada@example.com")
                .contains("+44 20 7946 0000");
        assertThat(page.select(".account-nav a[href=/account/orders]")).hasSize(1);
        UsersStub.server.verify(WireMock.getRequestedFor(urlEqualTo("/api/users/me"))
                .withHeader("Authorization", equalTo(browser.bearer())));
    }

    @Test
    void savingTheProfileSendsAMergePatchAndReturnsToTheAccount() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        UsersStub.stub(WireMock.get(urlEqualTo("/api/users/me")), 200, profile("Ada", null));
        UsersStub.stub(WireMock.patch(urlEqualTo("/api/users/me")), 200, profile("Ada Lovelace", null));
        assertThat(browser.page("/account/profile").select("#name").val()).isEqualTo("Ada");

        Response saved = browser.post(
                "/account/profile", Map.of("name", " Ada Lovelace ", "phone", "", "marketingConsent", "true"));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.header("Location")).endsWith("/account");
        // A blank phone clears it (explicit null); an unticked box would send false.
        UsersStub.server.verify(patchRequestedFor(urlEqualTo("/api/users/me"))
                .withHeader("Authorization", equalTo(browser.bearer()))
                .withRequestBody(equalToJson("{\"name\":\"Ada Lovelace\",\"phone\":null,\"marketingConsent\":true}")));
        assertThat(browser.page("/account").select(".notice").text()).contains("Your profile is saved.");
    }

    @Test
    void aRefusedProfileShowsUsersMessageBesideTheField() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        UsersStub.stub(
                WireMock.patch(urlEqualTo("/api/users/me")),
                400,
                validation(Map.of("field", "phone", "message", "must be a phone number")));

        Response refused = browser.post("/account/profile", Map.of("name", "Ada", "phone", "call me"));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select("#phone-error").text()).isEqualTo("Phone must be a phone number.");
        assertThat(page.select("#phone").val()).isEqualTo("call me");
        assertThat(page.select("#marketingConsent, input[name=marketingConsent][checked]"))
                .isEmpty();
    }

    @Test
    void changingThePasswordSendsBothAndAWrongCurrentOneIsSaid() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        UsersStub.stub(WireMock.put(urlEqualTo("/api/users/me/password")), 204, null);

        Response changed = browser.post(
                "/account/password",
                Map.of(
                        "currentPassword",
                        "old one",
                        "newPassword",
                        "a new phrase",
                        "newPasswordAgain",
                        "a new phrase"));

        assertThat(changed.statusCode()).isEqualTo(303);
        UsersStub.server.verify(putRequestedFor(urlEqualTo("/api/users/me/password"))
                .withHeader("Authorization", equalTo(browser.bearer()))
                .withRequestBody(equalToJson("{\"currentPassword\":\"old one\",\"newPassword\":\"a new phrase\"}")));

        UsersStub.stub(
                WireMock.put(urlEqualTo("/api/users/me/password")),
                400,
                validation(Map.of("field", "currentPassword", "message", "is wrong")));
        Response wrong = browser.post(
                "/account/password",
                Map.of("currentPassword", "guess", "newPassword", "a new phrase", "newPasswordAgain", "a new phrase"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(wrong.asString())
                        .select("#currentPassword-error")
                        .text())
                .isEqualTo("The current password is wrong.");

        Response differ = browser.post(
                "/account/password",
                Map.of("currentPassword", "old", "newPassword", "a new phrase", "newPasswordAgain", "typo"));
        assertThat(differ.statusCode()).isEqualTo(400);
        UsersStub.server.verify(2, putRequestedFor(urlEqualTo("/api/users/me/password")));
    }

    @Test
    void theAddressBookListsAddressesWithTheirDefaultsAndActions() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        UsersStub.stub(
                WireMock.get(urlEqualTo("/api/users/me/addresses")),
                200,
                List.of(address(HOME, "Home", true, true), address(OFFICE, "Office", false, false)));

        Document page = browser.page("/account/addresses");

        assertThat(page.select(".address")).hasSize(2);
        var home = page.select("#address-" + HOME);
        assertThat(home.text()).contains("Home", "Ada Lovelace", "12 Analytical Row", "Default shipping");
        assertThat(home.select("form[action$=/default]")).isEmpty();
        var office = page.select("#address-" + OFFICE);
        assertThat(office.select("form[action=/account/addresses/" + OFFICE + "/default] input[name=use]")
                        .eachAttr("value"))
                .containsExactly("shipping", "billing");
        assertThat(office.select("a[href=/account/addresses/" + OFFICE + "/edit]"))
                .hasSize(1);
        assertThat(office.select("form[action=/account/addresses/" + OFFICE + "/delete] input[name=_csrf]"))
                .hasSize(1);
    }

    @Test
    void addingAnAddressSendsUsersInputAndMissingFieldsAreSaidWithoutACall() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        UsersStub.stub(WireMock.post(urlEqualTo("/api/users/me/addresses")), 201, address(HOME, "Home", true, true));
        assertThat(browser.page("/account/addresses/new").select("select#country option[value=GB]"))
                .hasSize(1);

        Response added = browser.post("/account/addresses", addressForm(Map.of("defaultShipping", "true")));

        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.header("Location")).endsWith("/account/addresses");
        UsersStub.server.verify(postRequestedFor(urlEqualTo("/api/users/me/addresses"))
                .withHeader("Authorization", equalTo(browser.bearer()))
                .withRequestBody(equalToJson("{\"label\":\"Home\",\"recipientName\":\"Ada Lovelace\","
                        + "\"company\":null,\"line1\":\"12 Analytical Row\",\"line2\":null,\"city\":\"London\","
                        + "\"region\":null,\"postalCode\":\"NW1 2AB\",\"country\":\"GB\",\"phone\":null,"
                        + "\"defaultShipping\":true,\"defaultBilling\":false}")));

        var incomplete = new LinkedHashMap<>(addressForm(Map.of()));
        incomplete.put("city", " ");
        incomplete.put("country", "XX");
        Response refused = browser.post("/account/addresses", incomplete);
        assertThat(refused.statusCode()).isEqualTo(400);
        Document form = Jsoup.parse(refused.asString());
        assertThat(form.select("#city-error").text()).isEqualTo("Enter the city.");
        assertThat(form.select("#country-error").text()).isEqualTo("Choose a country.");
        assertThat(form.select("#line1").val()).isEqualTo("12 Analytical Row");
        UsersStub.server.verify(1, postRequestedFor(urlEqualTo("/api/users/me/addresses")));
    }

    @Test
    void usersValidationOfAnAddressIsShownBesideTheField() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        UsersStub.stub(
                WireMock.post(urlEqualTo("/api/users/me/addresses")),
                400,
                validation(Map.of("field", "postalCode", "message", "letters, digits, spaces and dashes only")));

        Response refused = browser.post("/account/addresses", addressForm(Map.of("postalCode", "NW1 #2")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.asString()).select("#postalCode-error").text())
                .isEqualTo("Postal code: letters, digits, spaces and dashes only.");
    }

    @Test
    void editingDeletingAndChoosingTheDefaultAddressCallUsers() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        UsersStub.stub(
                WireMock.get(urlEqualTo("/api/users/me/addresses/" + OFFICE)),
                200,
                address(OFFICE, "Office", false, false));
        UsersStub.stub(
                WireMock.put(urlEqualTo("/api/users/me/addresses/" + OFFICE)),
                200,
                address(OFFICE, "Office", true, false));
        UsersStub.stub(WireMock.delete(urlEqualTo("/api/users/me/addresses/" + OFFICE)), 204, null);

        Document edit = browser.page("/account/addresses/" + OFFICE + "/edit");
        assertThat(edit.select("main form").attr("action")).isEqualTo("/account/addresses/" + OFFICE);
        assertThat(edit.select("#label").val()).isEqualTo("Office");
        assertThat(edit.select("#country option[selected]").val()).isEqualTo("GB");

        Response saved =
                browser.post("/account/addresses/" + OFFICE, addressForm(Map.of("label", "Work", "line2", "Floor 3")));
        assertThat(saved.statusCode()).isEqualTo(303);
        UsersStub.server.verify(putRequestedFor(urlEqualTo("/api/users/me/addresses/" + OFFICE))
                .withRequestBody(equalToJson(
                        "{\"label\":\"Work\",\"line2\":\"Floor 3\",\"defaultShipping\":false}", true, true)));

        Response madeDefault = browser.post("/account/addresses/" + OFFICE + "/default", Map.of("use", "shipping"));
        assertThat(madeDefault.statusCode()).isEqualTo(303);
        // The address goes back whole (users replaces it), with the flag asked for.
        UsersStub.server.verify(putRequestedFor(urlEqualTo("/api/users/me/addresses/" + OFFICE))
                .withRequestBody(
                        equalToJson("{\"label\":\"Office\",\"recipientName\":\"Ada Lovelace\",\"company\":null,"
                                + "\"line1\":\"12 Analytical Row\",\"line2\":null,\"city\":\"London\",\"region\":null,"
                                + "\"postalCode\":\"NW1 2AB\",\"country\":\"GB\",\"phone\":null,"
                                + "\"defaultShipping\":true,\"defaultBilling\":false}")));

        Response deleted = browser.post("/account/addresses/" + OFFICE + "/delete", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(303);
        UsersStub.server.verify(deleteRequestedFor(urlEqualTo("/api/users/me/addresses/" + OFFICE))
                .withHeader("Authorization", equalTo(browser.bearer())));
    }

    @Test
    void anotherPersonsOrAMalformedAddressIdIsA404Page() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        UsersStub.stub(
                WireMock.get(urlPathMatching("/api/users/me/addresses/.+")),
                404,
                UsersStub.problem(404, "ADDRESS_NOT_FOUND", "No such address in your address book."));

        assertThat(browser.get("/account/addresses/" + HOME + "/edit").statusCode())
                .isEqualTo(404);
        assertThat(browser.get("/account/addresses/not-a-uuid/edit").statusCode())
                .isEqualTo(404);
    }

    @Test
    void accountFormsAreRefusedWithoutTheSessionsTokenAndCallNobody() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        UsersStub.server.resetRequests();
        for (String path : List.of(
                "/account/profile",
                "/account/password",
                "/account/addresses",
                "/account/addresses/" + HOME,
                "/account/addresses/" + HOME + "/delete",
                "/account/addresses/" + HOME + "/default",
                "/account/orders/" + HOME + "/cancel")) {
            Response refused = Browser.post(path, browser.cookie, Map.of("_csrf", "forged", "use", "shipping"));
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
        }
        assertThat(UsersStub.server.getAllServeEvents()).isEmpty();
        assertThat(OrdersStub.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aServiceRefusingTheTokenSignsTheBrowserOutAndSendsItToSignIn() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        UsersStub.stub(
                WireMock.get(urlEqualTo("/api/users/me")),
                401,
                UsersStub.problem(401, "SESSION_ENDED", "The session has ended."));

        Response response = browser.get("/account");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/login?next=%2Faccount");
        Document signIn =
                Jsoup.parse(Browser.get("/login?next=/account", browser.cookie).asString());
        assertThat(signIn.select("header a[href=/login]")).hasSize(1);
        assertThat(signIn.select(".notice").text()).isEqualTo("Your session has ended. Please sign in again.");
    }

    @Test
    void usersDownIsAFriendly503NotAnError() {
        SignedInBrowser browser = SignedInBrowser.signIn();
        UsersStub.stub(WireMock.get(urlEqualTo("/api/users/me")), 500, Map.of("oops", true));
        UsersStub.stub(WireMock.get(urlEqualTo("/api/users/me/addresses")), 503, Map.of());

        for (String path : List.of("/account", "/account/addresses")) {
            Response down = browser.get(path);
            assertThat(down.statusCode()).as(path).isEqualTo(503);
            assertThat(down.header("Retry-After")).isEqualTo("5");
            assertThat(Jsoup.parse(down.asString()).select("main p").first().text())
                    .startsWith("Your account cannot be shown or changed right now.");
        }
    }

    private static Map<String, Object> profile(String name, String phone) {
        var profile = new LinkedHashMap<String, Object>();
        profile.put("id", SignedInBrowser.USER);
        profile.put("email", SignedInBrowser.EMAIL);
        profile.put("emailVerified", true);
        profile.put("name", name);
        profile.put("phone", phone);
        profile.put("marketingConsent", false);
        profile.put("roles", List.of("CUSTOMER"));
        profile.put("createdAt", "2025-01-02T10:00:00Z");
        return profile;
    }

    private static Map<String, Object> address(String id, String label, boolean shipping, boolean billing) {
        var a = new LinkedHashMap<String, Object>();
        a.put("id", id);
        a.put("label", label);
        a.put("recipientName", "Ada Lovelace");
        a.put("company", null);
        a.put("line1", "12 Analytical Row");
        a.put("line2", null);
        a.put("city", "London");
        a.put("region", null);
        a.put("postalCode", "NW1 2AB");
        a.put("country", "GB");
        a.put("phone", null);
        a.put("defaultShipping", shipping);
        a.put("defaultBilling", billing);
        a.put("createdAt", "2025-01-02T10:00:00Z");
        a.put("updatedAt", "2025-01-02T10:00:00Z");
        return a;
    }

    private static Map<String, String> addressForm(Map<String, String> overrides) {
        var form = new LinkedHashMap<String, String>();
        form.put("label", "Home");
        form.put("recipientName", "Ada Lovelace");
        form.put("company", "");
        form.put("line1", "12 Analytical Row");
        form.put("line2", "");
        form.put("city", "London");
        form.put("region", "");
        form.put("postalCode", "NW1 2AB");
        form.put("country", "GB");
        form.put("phone", "");
        form.putAll(overrides);
        return form;
    }

    private static Map<String, Object> validation(Map<String, String> error) {
        return Map.of(
                "type", "https://docs.scalecommerce.dev/problems/validation-failed",
                "title", "Invalid input",
                "status", 400,
                "detail", "One or more fields are invalid.",
                "code", "VALIDATION_FAILED",
                "errors", List.of(error));
    }
}
