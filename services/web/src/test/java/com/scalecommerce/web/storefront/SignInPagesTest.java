package com.scalecommerce.web.storefront;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.scalecommerce.web.session.Sessions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in and sign-out against a WireMock users (its token answer with a JWT carrying users' claims) and orders:
 * the tokens live only in the encrypted cookie, the guest cart joins the customer's cart, the access token is
 * refreshed server-side when it is about to expire, and a refused refresh signs the browser out.
 */
@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
@QuarkusTestResource(UsersStub.class)
class SignInPagesTest {

    private static final String COOKIE = "sc";
    private static final String USER = UUID.randomUUID().toString();

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    Sessions sessions;

    @BeforeEach
    void freshStart() {
        breakers.resetAll();
        UsersStub.server.resetAll();
        OrdersStub.server.resetAll();
        ProductsStub.categories("Kites", "kites");
        OrdersStub.answers(OrdersStub.problem(404, "CART_NOT_FOUND", "No such cart."));
    }

    @Test
    void signingInKeepsTheTokensEncryptedAndShowsTheAccountLinks() {
        String access = UsersStub.accessToken(USER, "ada@example.com", List.of("CUSTOMER"), 900);
        UsersStub.stub(WireMock.post(urlEqualTo("/api/auth/login")), 200, UsersStub.tokens(access, "refresh-1"));
        Visit form = visit("/login", null);

        Response signedIn = post(
                "/login",
                form.cookie,
                Map.of("_csrf", form.csrf, "email", "ada@example.com", "password", "correct horse", "next", "/cart"));

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/cart");
        String cookie = CartPagesTest.cookieValue(signedIn.header("Set-Cookie"));
        assertThat(cookie).doesNotContain(access).doesNotContain("refresh-1");
        UsersStub.server.verify(postRequestedFor(urlEqualTo("/api/auth/login"))
                .withRequestBody(equalToJson("{\"email\":\"ada@example.com\",\"password\":\"correct horse\"}")));

        Document home = Jsoup.parse(given().accept("text/html")
                .cookie(COOKIE, cookie)
                .get("/login?next=/cart")
                .then()
                .extract()
                .response()
                .asString());
        // Already signed in: /login sends the browser on.
        assertThat(given().accept("text/html")
                        .cookie(COOKIE, cookie)
                        .redirects()
                        .follow(false)
                        .get("/login?next=/cart")
                        .statusCode())
                .isEqualTo(303);
        Document cart = Jsoup.parse(page("/cart", cookie).asString());
        assertThat(cart.select("header .account-links a[href=/account]")).hasSize(1);
        assertThat(cart.select("header .account-links a[href=/admin]")).isEmpty();
        assertThat(cart.select("header form[action=/logout] input[name=_csrf]").val())
                .isNotBlank();
        assertThat(home).isNotNull();
        // The customer's cart is asked for with their token, and no guest cart token.
        OrdersStub.server.verify(getRequestedFor(urlEqualTo("/api/cart"))
                .withHeader("Authorization", equalTo("Bearer " + access))
                .withHeader("X-Cart-Token", absent()));
    }

    @Test
    void usersIsToldTheBrowsersAddressForItsThrottles() {
        String access = UsersStub.accessToken(USER, "ada@example.com", List.of("CUSTOMER"), 900);
        UsersStub.stub(WireMock.post(urlEqualTo("/api/auth/login")), 200, UsersStub.tokens(access, "refresh-f"));
        Visit form = visit("/login", null);
        // As the edge would send it: the test client connects from loopback, which the web tier trusts as a proxy.
        given().accept("text/html")
                .redirects()
                .follow(false)
                .header("X-Forwarded-For", "203.0.113.9")
                .cookie(COOKIE, form.cookie)
                .formParams(Map.of("_csrf", form.csrf, "email", "ada@example.com", "password", "pw"))
                .post("/login")
                .then()
                .statusCode(303);

        UsersStub.server.verify(
                postRequestedFor(urlEqualTo("/api/auth/login")).withHeader("X-Forwarded-For", equalTo("203.0.113.9")));
    }

    @Test
    void anAdminSeesTheAdminLink() {
        String access = UsersStub.accessToken(USER, "root@example.com", List.of("ADMIN", "CUSTOMER"), 900);
        UsersStub.stub(WireMock.post(urlEqualTo("/api/auth/login")), 200, UsersStub.tokens(access, "refresh-a"));
        String cookie = signIn("root@example.com");
        assertThat(Jsoup.parse(page("/cart", cookie).asString()).select("header a[href=/admin]"))
                .hasSize(1);
    }

    @Test
    void aWrongPasswordIsSaidOnTheFormAndChangesNothing() {
        UsersStub.stub(
                WireMock.post(urlEqualTo("/api/auth/login")),
                401,
                UsersStub.problem(401, "INVALID_CREDENTIALS", "The email or password is wrong."));
        Visit form = visit("/login", null);
        Response refused =
                post("/login", form.cookie, Map.of("_csrf", form.csrf, "email", "ada@example.com", "password", "nope"));
        assertThat(refused.statusCode()).isEqualTo(401);
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select(".problem").text()).isEqualTo("The email or password is wrong.");
        assertThat(page.select("input[name=email]").val()).isEqualTo("ada@example.com");
        assertThat(page.select("input[name=password]").val()).isEmpty();
    }

    @Test
    void signInWithoutTheFormsTokenIsRefused() {
        Response refused = post("/login", null, Map.of("email", "ada@example.com", "password", "x"));
        assertThat(refused.statusCode()).isEqualTo(403);
        UsersStub.server.verify(0, postRequestedFor(urlEqualTo("/api/auth/login")));
    }

    @Test
    void theGuestCartJoinsTheCustomersCartAtSignIn() {
        OrdersStub.server.resetAll();
        OrdersStub.answers(Map.of("lines", List.of(), "currency", "USD"));
        Visit cartPage = visit("/cart", null);
        // A guest with a cart: the first add gave the session orders' cart token.
        Response added = post(
                "/cart/items",
                cartPage.cookie,
                Map.of("_csrf", cartPage.csrf, "productId", UUID.randomUUID().toString(), "sku", "S", "quantity", "1"));
        String guest = CartPagesTest.cookieValue(added.header("Set-Cookie"));
        String access = UsersStub.accessToken(USER, "ada@example.com", List.of("CUSTOMER"), 900);
        UsersStub.stub(WireMock.post(urlEqualTo("/api/auth/login")), 200, UsersStub.tokens(access, "refresh-m"));
        Visit form = visit("/login", guest);

        post("/login", form.cookie, Map.of("_csrf", form.csrf, "email", "ada@example.com", "password", "pw"));

        OrdersStub.server.verify(postRequestedFor(urlEqualTo("/api/cart/merge"))
                .withHeader("Authorization", equalTo("Bearer " + access))
                .withHeader("X-Cart-Token", equalTo(OrdersStub.TOKEN)));
    }

    @Test
    void anAccessTokenAboutToExpireIsRefreshedServerSide() {
        String cookie = signInWithAnAccessTokenAboutToExpire("refresh-1").cookie();
        String fresh = UsersStub.accessToken(USER, "ada@example.com", List.of("CUSTOMER"), 900);
        UsersStub.stub(WireMock.post(urlEqualTo("/api/auth/refresh")), 200, UsersStub.tokens(fresh, "refresh-2"));
        OrdersStub.server.resetAll();
        OrdersStub.answers(Map.of("lines", List.of(), "currency", "USD"));

        Response cart = page("/cart", cookie);

        UsersStub.server.verify(postRequestedFor(urlEqualTo("/api/auth/refresh"))
                .withRequestBody(equalToJson("{\"refresh_token\":\"refresh-1\"}")));
        OrdersStub.server.verify(
                getRequestedFor(urlEqualTo("/api/cart")).withHeader("Authorization", equalTo("Bearer " + fresh)));
        // The new pair is kept: the next page does not refresh again.
        String renewed = CartPagesTest.cookieValue(cart.header("Set-Cookie"));
        page("/cart", renewed);
        UsersStub.server.verify(1, postRequestedFor(urlEqualTo("/api/auth/refresh")));
    }

    @Test
    void theAccountPageRefreshesAnExpiringTokenBeforeAskingUsers() {
        // The overview runs on the event loop; the refresh blocks, so it runs on a virtual thread first.
        var expiringSignIn = signInWithAnAccessTokenAboutToExpire("refresh-a");
        String expiring = expiringSignIn.accessToken();
        String cookie = expiringSignIn.cookie();
        String fresh = UsersStub.accessToken(USER, "ada@example.com", List.of("CUSTOMER"), 900);
        UsersStub.stub(WireMock.post(urlEqualTo("/api/auth/refresh")), 200, UsersStub.tokens(fresh, "refresh-b"));
        UsersStub.stub(
                WireMock.get(urlEqualTo("/api/users/me")),
                200,
                Map.of(
                        "id",
                        USER,
                        "email",
                        "ada@example.com",
                        "emailVerified",
                        true,
                        "name",
                        "Ada Lovelace",
                        "marketingConsent",
                        false,
                        "roles",
                        List.of("CUSTOMER"),
                        "createdAt",
                        "2025-01-02T10:00:00Z"));

        Response account = page("/account", cookie);

        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(account.asString()).select(".profile-summary").text())
                .contains("Ada Lovelace");
        UsersStub.server.verify(
                getRequestedFor(urlEqualTo("/api/users/me")).withHeader("Authorization", equalTo("Bearer " + fresh)));
        UsersStub.server.verify(
                0,
                getRequestedFor(urlEqualTo("/api/users/me"))
                        .withHeader("Authorization", equalTo("Bearer " + expiring)));
        // The new pair is kept: the next visit does not refresh again.
        page("/account", CartPagesTest.cookieValue(account.header("Set-Cookie")));
        UsersStub.server.verify(1, postRequestedFor(urlEqualTo("/api/auth/refresh")));
    }

    @Test
    void aCartChangeThatRefreshesTheTokensKeepsTheNewPairInTheCookie() throws Exception {
        String cookie = signInWithAnAccessTokenAboutToExpire("refresh-old").cookie();
        ProductsStub.home(List.of(), List.of());
        // The home page calls no service on the customer's behalf, so it does not refresh yet.
        String csrf = Jsoup.parse(page("/", cookie).asString())
                .select("header form[action=/logout] input[name=_csrf]")
                .val();
        String fresh = UsersStub.accessToken(USER, "ada@example.com", List.of("CUSTOMER"), 900);
        UsersStub.stub(WireMock.post(urlEqualTo("/api/auth/refresh")), 200, UsersStub.tokens(fresh, "refresh-new"));
        OrdersStub.server.resetAll();
        OrdersStub.answers(Map.of("lines", List.of(), "currency", "USD"));

        Response added = post(
                "/cart/items",
                cookie,
                Map.of("_csrf", csrf, "productId", UUID.randomUUID().toString(), "sku", "S", "quantity", "1"));

        assertThat(added.statusCode()).isEqualTo(303);
        OrdersStub.server.verify(postRequestedFor(urlEqualTo("/api/cart/items"))
                .withHeader("Authorization", equalTo("Bearer " + fresh)));
        // Users rotated refresh-old: a cookie still holding it would end the session on its next use.
        String renewed = CartPagesTest.cookieValue(added.header("Set-Cookie"));
        String kept = new String(sessions.open(renewed, sessions.cookieName()), StandardCharsets.UTF_8);
        assertThat(kept).contains("refresh-new", fresh).doesNotContain("refresh-old");
    }

    @Test
    void requestsArrivingTogetherShareOneRefresh() throws Exception {
        String cookie = signInWithAnAccessTokenAboutToExpire("refresh-c").cookie();
        String fresh = UsersStub.accessToken(USER, "ada@example.com", List.of("CUSTOMER"), 900);
        // Users rotates the token on the first use and would end the session on a second: slow, so they overlap.
        UsersStub.server.stubFor(WireMock.post(urlEqualTo("/api/auth/refresh"))
                .willReturn(WireMock.okJson(new com.fasterxml.jackson.databind.ObjectMapper()
                                .writeValueAsString(UsersStub.tokens(fresh, "refresh-d")))
                        .withFixedDelay(400)));
        OrdersStub.server.resetAll();
        OrdersStub.answers(Map.of("lines", List.of(), "currency", "USD"));

        var pages = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> page("/cart", cookie)))
                .toList();
        pages.forEach(p -> assertThat(p.join().statusCode()).isEqualTo(200));

        UsersStub.server.verify(1, postRequestedFor(urlEqualTo("/api/auth/refresh")));
        OrdersStub.server.verify(
                4, getRequestedFor(urlEqualTo("/api/cart")).withHeader("Authorization", equalTo("Bearer " + fresh)));
    }

    @Test
    void aRefusedRefreshSignsTheBrowserOut() {
        String cookie = signInWithAnAccessTokenAboutToExpire("refresh-r").cookie();
        UsersStub.stub(
                WireMock.post(urlEqualTo("/api/auth/refresh")),
                401,
                UsersStub.problem(401, "INVALID_REFRESH_TOKEN", "The session has ended."));

        Response cart = page("/cart", cookie);

        Document page = Jsoup.parse(cart.asString());
        assertThat(page.select("header a[href=/login]")).hasSize(1);
        assertThat(page.select("header a[href=/account]")).isEmpty();
    }

    @Test
    void signingOutEndsTheSessionAtUsersAndDeletesTheCookie() {
        String access = UsersStub.accessToken(USER, "ada@example.com", List.of("CUSTOMER"), 900);
        UsersStub.stub(WireMock.post(urlEqualTo("/api/auth/login")), 200, UsersStub.tokens(access, "refresh-o"));
        UsersStub.stub(WireMock.post(urlEqualTo("/api/auth/logout")), 204, null);
        String cookie = signIn("ada@example.com");
        String csrf = Jsoup.parse(page("/cart", cookie).asString())
                .select("header form[action=/logout] input[name=_csrf]")
                .val();

        Response out = post("/logout", cookie, Map.of("_csrf", csrf));

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Set-Cookie")).startsWith(COOKIE + "=;").contains("Max-Age=0");
        UsersStub.server.verify(postRequestedFor(urlEqualTo("/api/auth/logout"))
                .withHeader("Authorization", equalTo("Bearer " + access))
                .withRequestBody(equalToJson("{\"refresh_token\":\"refresh-o\"}")));
    }

    @Test
    void afterSignInOnlyLocalPathsAreFollowed() {
        String access = UsersStub.accessToken(USER, "ada@example.com", List.of("CUSTOMER"), 900);
        UsersStub.stub(WireMock.post(urlEqualTo("/api/auth/login")), 200, UsersStub.tokens(access, "r"));
        for (String next : List.of("https://evil.example/", "//evil.example/", "/\\evil.example", "/ok\r\nX: y")) {
            Visit form = visit("/login", null);
            Response in = post(
                    "/login",
                    form.cookie,
                    Map.of("_csrf", form.csrf, "email", "ada@example.com", "password", "pw", "next", next));
            assertThat(in.header("Location")).as(next).endsWith("/account");
        }
    }

    private String signIn(String email) {
        Visit form = visit("/login", null);
        Response in = post("/login", form.cookie, Map.of("_csrf", form.csrf, "email", email, "password", "pw"));
        assertThat(in.statusCode()).isEqualTo(303);
        return CartPagesTest.cookieValue(in.header("Set-Cookie"));
    }

    private record Visit(String cookie, String csrf) {}

    private Visit visit(String path, String cookie) {
        Response response = page(path, cookie);
        assertThat(response.statusCode()).isEqualTo(200);
        String setCookie = response.header("Set-Cookie");
        String value = setCookie == null ? cookie : CartPagesTest.cookieValue(setCookie);
        String csrf = Jsoup.parse(response.asString())
                .select("main form input[name=_csrf]")
                .first()
                .val();
        return new Visit(value, csrf);
    }

    private record ExpiringSignIn(String cookie, String accessToken) {}

    /** Signed in with an access token that expires in 10 s: the next call on the customer's behalf refreshes it. */
    private ExpiringSignIn signInWithAnAccessTokenAboutToExpire(String refreshToken) {
        String expiring = UsersStub.accessToken(USER, "ada@example.com", List.of("CUSTOMER"), 10);
        UsersStub.stub(WireMock.post(urlEqualTo("/api/auth/login")), 200, UsersStub.tokens(expiring, refreshToken));
        return new ExpiringSignIn(signIn("ada@example.com"), expiring);
    }

    private static Response page(String path, String cookie) {
        var request = given().accept("text/html").redirects().follow(false);
        if (cookie != null) {
            request.cookie(COOKIE, cookie);
        }
        return request.get(path);
    }

    private static Response post(String path, String cookie, Map<String, String> form) {
        var request = given().accept("text/html").redirects().follow(false).formParams(form);
        if (cookie != null) {
            request.cookie(COOKIE, cookie);
        }
        return request.post(path);
    }
}
