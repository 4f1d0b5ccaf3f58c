package com.scalecommerce.web.admin.users;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.web.admin.analytics.AdminSession;
import com.scalecommerce.web.admin.analytics.AnalyticsStub;
import com.scalecommerce.web.session.Sessions;
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
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin's user pages against a WireMock users answering its administration API's real shapes (AdminUser,
 * paged {items, nextCursor}, audit entries): search and paging, the account with its audit log, disable / enable /
 * roles calling users with the admin's token, users' 409 shown, CSRF refusals.
 */
@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
@QuarkusTestResource(UsersStub.class)
@QuarkusTestResource(AnalyticsStub.class)
class AdminUsersPagesTest {

    static final UUID USER = UUID.fromString("0b8e8e8e-1111-4a4a-9b9b-222233334444");
    static final String PATH = "/api/admin/users/" + USER;

    @Inject
    Sessions sessions;

    @Inject
    CircuitBreakerMaintenance breakers;

    AdminSession admin;

    @BeforeEach
    void users() {
        breakers.resetAll();
        UsersStub.server.resetAll();
        admin = AdminSession.admin(sessions);
        UsersStub.stub(get(urlPathEqualTo(PATH)), 200, user("ACTIVE", List.of("CUSTOMER")));
        UsersStub.stub(
                get(urlPathEqualTo("/api/admin/audit-log")),
                200,
                List.of(Map.of(
                        "id",
                        7,
                        "at",
                        "2026-03-01T09:00:00Z",
                        "actorId",
                        "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                        "action",
                        "user.roles_changed",
                        "targetId",
                        USER,
                        "details",
                        Map.of("roles", List.of("CUSTOMER")))));
    }

    @Test
    void theSearchPassesItsFiltersOnAndLinksTheNextPage() {
        UsersStub.stub(
                get(urlPathEqualTo("/api/admin/users")),
                200,
                Map.of("items", List.of(user("ACTIVE", List.of("CUSTOMER"))), "nextCursor", "Y3Vyc29y"));

        Response response = Browser.get("/admin/users?q=ada&role=CUSTOMER&status=ACTIVE", admin.cookie());

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("table.users tbody tr a[href=/admin/users/" + USER + "]")
                        .text())
                .isEqualTo("ada@example.com");
        assertThat(page.select("table.users tbody tr").text()).contains("Ada Lovelace", "CUSTOMER", "Active");
        assertThat(page.select("a[rel=next]").attr("href"))
                .isEqualTo("/admin/users?q=ada&role=CUSTOMER&status=ACTIVE&cursor=Y3Vyc29y");
        UsersStub.server.verify(getRequestedFor(urlPathEqualTo("/api/admin/users"))
                .withHeader("Authorization", equalTo(admin.bearer()))
                .withQueryParam("q", equalTo("ada"))
                .withQueryParam("role", equalTo("CUSTOMER"))
                .withQueryParam("status", equalTo("ACTIVE")));
    }

    @Test
    void anUnknownRoleIsSaidOnThePageWithoutAskingUsers() {
        Response response = Browser.get("/admin/users?role=ROOT", admin.cookie());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.asString()).select(".problem").text()).contains("choose a role");
        UsersStub.server.verify(0, getRequestedFor(urlPathEqualTo("/api/admin/users")));
    }

    @Test
    void theAccountShowsItsFactsFormsAndAuditLog() {
        Document page =
                Jsoup.parse(Browser.get("/admin/users/" + USER, admin.cookie()).asString());

        assertThat(page.select("h1").text()).isEqualTo("ada@example.com Active");
        assertThat(page.select("dd.roles").text()).isEqualTo("CUSTOMER");
        assertThat(page.select("form[action$=/disable]")).hasSize(1);
        assertThat(page.select("form[action$=/enable]")).isEmpty();
        assertThat(page.select("form[action$=/roles] input[value=CUSTOMER]").hasAttr("checked"))
                .isTrue();
        assertThat(page.select("form[action$=/roles] input[value=ADMIN]").hasAttr("checked"))
                .isFalse();
        assertThat(page.select("table.audit tbody tr").text()).contains("user.roles_changed", "roles: [CUSTOMER]");
        UsersStub.server.verify(getRequestedFor(urlPathEqualTo("/api/admin/audit-log"))
                .withQueryParam("target", equalTo(USER.toString())));
    }

    @Test
    void theAccountStillShowsWhenTheAuditLogFails() {
        UsersStub.stub(get(urlPathEqualTo("/api/admin/audit-log")), 500, null);

        Response response = Browser.get("/admin/users/" + USER, admin.cookie());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(response.asString()).text()).contains("The audit log cannot be shown right now.");
    }

    @Test
    void disablingEnablingAndRolesCallUsersWithTheAdminsToken() {
        UsersStub.stub(post(urlPathEqualTo(PATH + "/disable")), 200, user("DISABLED", List.of("CUSTOMER")));
        UsersStub.stub(post(urlPathEqualTo(PATH + "/enable")), 200, user("ACTIVE", List.of("CUSTOMER")));
        UsersStub.stub(put(urlPathEqualTo(PATH + "/roles")), 200, user("ACTIVE", List.of("CUSTOMER", "ADMIN")));

        Response disabled =
                Browser.post("/admin/users/" + USER + "/disable", admin.cookie(), Map.of("_csrf", admin.csrf()));
        Browser.post("/admin/users/" + USER + "/enable", admin.cookie(), Map.of("_csrf", admin.csrf()));
        Response roles = io.restassured.RestAssured.given()
                .accept("text/html")
                .redirects()
                .follow(false)
                .cookie(Browser.COOKIE, admin.cookie())
                .formParam("_csrf", admin.csrf())
                .formParam("role", "CUSTOMER", "ADMIN")
                .post("/admin/users/" + USER + "/roles");

        assertThat(disabled.statusCode()).isEqualTo(303);
        assertThat(disabled.header("Location")).endsWith("/admin/users/" + USER);
        assertThat(roles.statusCode()).isEqualTo(303);
        UsersStub.server.verify(postRequestedFor(urlPathEqualTo(PATH + "/disable"))
                .withHeader("Authorization", equalTo(admin.bearer())));
        UsersStub.server.verify(postRequestedFor(urlPathEqualTo(PATH + "/enable"))
                .withHeader("Authorization", equalTo(admin.bearer())));
        UsersStub.server.verify(putRequestedFor(urlPathEqualTo(PATH + "/roles"))
                .withHeader("Authorization", equalTo(admin.bearer()))
                .withRequestBody(equalToJson("{\"roles\":[\"CUSTOMER\",\"ADMIN\"]}", true, false)));
        String cookie = Browser.cookieAfter(disabled, admin.cookie());
        assertThat(Jsoup.parse(Browser.get("/admin/users/" + USER, cookie).asString())
                        .select(".notice")
                        .text())
                .isEqualTo("ada@example.com is disabled and signed out everywhere.");
    }

    @Test
    void noRoleAtAllIsSaidWithoutAskingUsers() {
        Response response =
                Browser.post("/admin/users/" + USER + "/roles", admin.cookie(), Map.of("_csrf", admin.csrf()));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.asString()).select(".problem").text())
                .isEqualTo("Choose at least one role: CUSTOMER, ADMIN or both.");
        UsersStub.server.verify(0, putRequestedFor(urlPathMatching("/api/admin/users/.*")));
    }

    @Test
    void usersRefusalIsShownOnTheAccount() {
        UsersStub.stub(
                post(urlPathEqualTo(PATH + "/disable")),
                409,
                UsersStub.problem(409, "CANNOT_DISABLE_SELF", "Administrators cannot disable their own account."));

        Response refused =
                Browser.post("/admin/users/" + USER + "/disable", admin.cookie(), Map.of("_csrf", admin.csrf()));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(refused.asString()).select(".problem").text())
                .isEqualTo("Administrators cannot disable their own account.");
    }

    @Test
    void changesWithoutTheSessionsCsrfTokenAreRefusedBeforeUsersIsCalled() {
        for (String action : List.of("disable", "enable", "roles")) {
            assertThat(Browser.post("/admin/users/" + USER + "/" + action, admin.cookie(), Map.of("role", "ADMIN"))
                            .statusCode())
                    .as(action)
                    .isEqualTo(403);
        }
        UsersStub.server.verify(0, postRequestedFor(urlPathMatching("/api/admin/users/.*")));
        UsersStub.server.verify(0, putRequestedFor(urlPathMatching("/api/admin/users/.*")));
    }

    @Test
    void aCustomerCannotOpenTheUsersPages() {
        assertThat(Browser.get("/admin/users", AdminSession.customer(sessions).cookie())
                        .statusCode())
                .isEqualTo(403);
        UsersStub.server.verify(0, getRequestedFor(urlPathEqualTo("/api/admin/users")));
    }

    private static Map<String, Object> user(String status, List<String> roles) {
        var user = new LinkedHashMap<String, Object>();
        user.put("id", USER);
        user.put("email", "ada@example.com");
        user.put("emailVerified", true);
        user.put("name", "Ada Lovelace");
        user.put("phone", null);
        user.put("marketingConsent", false);
        user.put("roles", roles);
        user.put("status", status);
        user.put("createdAt", "2026-01-05T08:00:00Z");
        user.put("updatedAt", "2026-03-01T09:00:00Z");
        return user;
    }
}
