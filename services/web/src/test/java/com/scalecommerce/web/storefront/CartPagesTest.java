package com.scalecommerce.web.storefront;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session cookie, CSRF and the cart page against a WireMock orders (real cart-view JSON) and products. The
 * test profile runs with insecure-cookies (plain http), so the cookie is {@code sc}; {@link SecureCookieTest}
 * checks {@code __Host-sc} with Secure.
 */
@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
class CartPagesTest {

    private static final String COOKIE = "sc";

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    @CacheName("home")
    Cache home;

    private UUID productId;

    @BeforeEach
    void freshStart() {
        breakers.resetAll();
        home.invalidateAll().await().indefinitely();
        OrdersStub.server.resetAll();
        ProductsStub.categories("Kites", "kites");
        ProductsStub.home(List.of(), List.of(ProductsStub.card("Red Kite", "red-kite", 1999)));
        productId = ProductsStub.product("cart-kite", "Sky Kite", new ProductsStub.Sku("SKY-L", "L", 2999, true));
        OrdersStub.answers(fullCart());
    }

    @Test
    void addToCartSetsTheSessionCookieAndRedirectsToTheCart() {
        Visit visit = productPage();
        assertThat(visit.setCookie).startsWith(COOKIE + "=");
        assertThat(visit.setCookie)
                .contains("; Path=/", "; HttpOnly", "; SameSite=Lax", "; Max-Age=2592000")
                .doesNotContain("Secure");

        Response added = post(
                "/cart/items",
                visit.cookie,
                Map.of("_csrf", visit.csrf, "productId", productId.toString(), "sku", "SKY-L", "quantity", "2"));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.header("Location")).endsWith("/cart");
        String setCookie = added.header("Set-Cookie");
        assertThat(setCookie).startsWith(COOKIE + "=").contains("; HttpOnly", "; SameSite=Lax", "; Path=/");

        // The first add goes without a token; orders' new token is kept, encrypted, and used from then on.
        // A change asks for no cart in the answer: the cart page that follows reads it.
        OrdersStub.server.verify(postRequestedFor(urlEqualTo("/api/cart/items"))
                .withHeader("X-Cart-Token", absent())
                .withHeader("Prefer", equalTo("return=minimal"))
                .withRequestBody(
                        equalToJson("{\"productId\":\"" + productId + "\",\"sku\":\"SKY-L\",\"quantity\":2}")));
        String cookie = cookieValue(setCookie);
        assertThat(cookie).doesNotContain(OrdersStub.TOKEN);
        assertThat(new String(Base64.getUrlDecoder().decode(cookie), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(OrdersStub.TOKEN);

        page("/cart", cookie, 200);
        OrdersStub.server.verify(getRequestedFor(urlEqualTo("/api/cart"))
                .withHeader("X-Cart-Token", equalTo(OrdersStub.TOKEN))
                .withoutHeader("Prefer"));
    }

    @Test
    void aChangeThatLeavesTheSessionAsItWasSendsNoCookie() {
        String cookie = cartCookie();
        String csrf = csrfOf(page("/cart", cookie, 200));

        Response again = post(
                "/cart/items",
                cookie,
                Map.of("_csrf", csrf, "productId", productId.toString(), "sku", "SKY-L", "quantity", "1"));
        expectRedirect(again);
        assertThat(again.header("Set-Cookie"))
                .as("same cart token, no message: the browser keeps its cookie")
                .isNull();
        OrdersStub.server.verify(2, postRequestedFor(urlEqualTo("/api/cart/items")));
    }

    @Test
    void theCartPageShowsLinesProblemsAdjustmentsAndTotal() {
        Document page = page("/cart", cartCookie(), 200);
        var lines = page.select("tr.line");
        assertThat(lines).hasSize(3);
        var first = lines.first();
        assertThat(first.select(".name").text()).isEqualTo("Sky Kite");
        assertThat(first.select(".options").text()).isEqualTo("size: L");
        assertThat(first.select("img").attr("src")).isEqualTo("https://img.test/SKY-L.png");
        assertThat(first.select(".unit-price").text()).isEqualTo("€29.99");
        assertThat(first.select(".line-total").text()).isEqualTo("€59.98");
        assertThat(first.select("form.quantity").attr("action")).isEqualTo("/cart/items/SKY-L/quantity");
        assertThat(first.select("form.quantity input[name=quantity]").val()).isEqualTo("2");
        assertThat(first.select("form.remove").attr("action")).isEqualTo("/cart/items/SKY-L/remove");
        assertThat(first.select("form.remove button").text()).isEqualTo("Remove");
        assertThat(lines.get(1).select(".problem").text()).contains("Out of stock");
        assertThat(lines.get(2).select(".problem").text()).isEqualTo("The price changed from €9.00 to €10.00.");
        // A SKU with a space stays one path segment.
        assertThat(lines.get(2).select("form.remove").attr("action")).isEqualTo("/cart/items/BOX%201A/remove");

        assertThat(page.select(".discount .code").text()).isEqualTo("SUMMER");
        assertThat(page.select(".discount-problem").text()).contains("This code has expired.");
        assertThat(page.select("form.remove-code").attr("action")).isEqualTo("/cart/discount-code/remove");
        assertThat(page.select(".destination .chosen").text()).isEqualTo("Germany (BY)");
        assertThat(page.select("select[name=country] option[selected]").val()).isEqualTo("DE");

        assertThat(page.select("dd.subtotal").text()).isEqualTo("€69.98");
        assertThat(page.select("dt.adjustment").eachText())
                .containsExactly("Summer 10%", "Standard shipping", "Tax 19% (included)");
        assertThat(page.select("dd.adjustment").eachText()).containsExactly("-€7.00", "€4.90", "€10.40");
        assertThat(page.select("dd.total").text()).isEqualTo("€67.88");
        // Every form carries the session's CSRF token.
        assertThat(page.select("form[method=post]"))
                .allSatisfy(form ->
                        assertThat(form.select("input[name=_csrf]").val()).isNotBlank());
    }

    @Test
    void anEmptySessionShowsAnEmptyCartWithoutAskingOrders() {
        Document page = page("/cart", null, 200);
        assertThat(page.select(".empty").text()).startsWith("Your cart is empty.");
        OrdersStub.server.verify(0, anyRequestedFor(urlPathMatching("/api/cart.*")));
    }

    @Test
    void aPostWithoutOrWithAWrongCsrfTokenIs403AndChangesNothing() {
        Visit visit = productPage();
        Visit other = productPage();
        var form = Map.of("productId", productId.toString(), "sku", "SKY-L", "quantity", "1");

        for (String token : new String[] {null, "", "wrong", other.csrf}) {
            var body = new java.util.HashMap<>(form);
            if (token != null) {
                body.put("_csrf", token);
            }
            Response refused = post("/cart/items", visit.cookie, body);
            assertThat(refused.statusCode()).as("token %s", token).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("text/html");
            assertThat(Jsoup.parse(refused.asString()).select("h1").text()).isEqualTo("Please try again");
        }
        // No session at all, even with a token from another one.
        assertThat(post("/cart/discount-code", null, Map.of("_csrf", visit.csrf, "code", "X"))
                        .statusCode())
                .isEqualTo(403);
        for (String path : List.of(
                "/cart/items/SKY-L/quantity",
                "/cart/items/SKY-L/remove",
                "/cart/discount-code",
                "/cart/discount-code/remove",
                "/cart/destination")) {
            assertThat(post(path, visit.cookie, Map.of("_csrf", "x", "quantity", "1", "code", "A", "country", "DE"))
                            .statusCode())
                    .as(path)
                    .isEqualTo(403);
        }
        OrdersStub.server.verify(0, anyRequestedFor(urlPathMatching("/api/cart.*")));
    }

    @Test
    void eachChangeCallsOrdersWithTheSessionsCartTokenAndRedirectsToTheCart() {
        String cookie = cartCookie();
        String csrf = csrfOf(page("/cart", cookie, 200));

        expectRedirect(post("/cart/items/SKY-L/quantity", cookie, Map.of("_csrf", csrf, "quantity", "3")));
        OrdersStub.server.verify(patchRequestedFor(urlEqualTo("/api/cart/items/SKY-L"))
                .withHeader("X-Cart-Token", equalTo(OrdersStub.TOKEN))
                .withRequestBody(equalToJson("{\"quantity\":3}")));

        // RestAssured encodes the path: the space goes as %20, as a browser sends the form action.
        expectRedirect(post("/cart/items/BOX 1A/remove", cookie, Map.of("_csrf", csrf)));
        OrdersStub.server.verify(deleteRequestedFor(urlEqualTo("/api/cart/items/BOX%201A"))
                .withHeader("X-Cart-Token", equalTo(OrdersStub.TOKEN)));

        expectRedirect(post("/cart/discount-code", cookie, Map.of("_csrf", csrf, "code", " SUMMER ")));
        OrdersStub.server.verify(putRequestedFor(urlEqualTo("/api/cart/discount-code"))
                .withHeader("X-Cart-Token", equalTo(OrdersStub.TOKEN))
                .withRequestBody(equalToJson("{\"code\":\"SUMMER\"}")));

        expectRedirect(post("/cart/discount-code/remove", cookie, Map.of("_csrf", csrf)));
        OrdersStub.server.verify(deleteRequestedFor(urlEqualTo("/api/cart/discount-code"))
                .withHeader("X-Cart-Token", equalTo(OrdersStub.TOKEN)));

        expectRedirect(post("/cart/destination", cookie, Map.of("_csrf", csrf, "country", "DE", "region", "BY")));
        OrdersStub.server.verify(putRequestedFor(urlEqualTo("/api/cart/destination"))
                .withHeader("X-Cart-Token", equalTo(OrdersStub.TOKEN))
                .withRequestBody(equalToJson("{\"country\":\"DE\",\"region\":\"BY\"}")));
    }

    @Test
    void ordersRefusingAChangeIsShownOnceOnTheCartPage() {
        String cookie = cartCookie();
        String csrf = csrfOf(page("/cart", cookie, 200));
        OrdersStub.stub(
                put(urlEqualTo("/api/cart/discount-code")),
                422,
                OrdersStub.problem(422, "DISCOUNT_NOT_FOUND", "There is no discount code <b>NOPE</b>."));

        Response refused = post("/cart/discount-code", cookie, Map.of("_csrf", csrf, "code", "NOPE"));
        expectRedirect(refused);
        String withMessage = cookieValue(refused.header("Set-Cookie"));

        Response shown = cartResponse(withMessage);
        Document page = Jsoup.parse(shown.asString());
        assertThat(page.select(".message").text()).isEqualTo("There is no discount code <b>NOPE</b>.");
        assertThat(page.select(".message b")).isEmpty();
        // Shown once: the page hands back a cookie without the message.
        String after = cookieValue(shown.header("Set-Cookie"));
        assertThat(page("/cart", after, 200).select(".message")).isEmpty();

        // Bad input never reaches orders and is said in plain words.
        OrdersStub.server.resetRequests();
        Response bad = post("/cart/items/SKY-L/quantity", cookie, Map.of("_csrf", csrf, "quantity", "eleven"));
        expectRedirect(bad);
        assertThat(page("/cart", cookieValue(bad.header("Set-Cookie")), 200)
                        .select(".message")
                        .text())
                .isEqualTo("Enter a quantity from 0 to 10.");
        OrdersStub.server.verify(0, patchRequestedFor(urlPathMatching("/api/cart.*")));
    }

    @Test
    void ordersDownMakesTheCart503WhileBrowsingStillWorks() {
        String cookie = cartCookie();
        OrdersStub.stub(get(urlEqualTo("/api/cart")), 503, Map.of("status", 503));

        Response cart = cartResponse(cookie);
        assertThat(cart.statusCode()).isEqualTo(503);
        assertThat(cart.header("Retry-After")).isEqualTo("5");
        assertThat(Jsoup.parse(cart.asString()).select(".error p").first().text())
                .startsWith("Your cart cannot be shown right now.");

        page("/", cookie, 200);
        page("/p/cart-kite", cookie, 200);
    }

    @Test
    void ordersFailingAChangeIsA503PageAndTheSessionStaysAsItWas() {
        String cookie = cartCookie();
        String csrf = csrfOf(page("/cart", cookie, 200));
        OrdersStub.stub(WireMock.post(urlEqualTo("/api/cart/items")), 503, Map.of("status", 503));

        Response failed = post(
                "/cart/items",
                cookie,
                Map.of("_csrf", csrf, "productId", productId.toString(), "sku", "SKY-L", "quantity", "1"));

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.contentType()).startsWith("text/html");
        assertThat(failed.header("Retry-After")).isEqualTo("5");
        assertThat(failed.header("Set-Cookie")).isNull();
        assertThat(Jsoup.parse(failed.asString()).select(".error p").first().text())
                .startsWith("Your cart cannot be changed right now.");
    }

    @Test
    void aTamperedCookieIsIgnoredAndANewEmptySessionStarts() {
        String cookie = cartCookie();
        String csrf = csrfOf(page("/cart", cookie, 200));
        char[] chars = cookie.toCharArray();
        int i = chars.length / 2;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        String tampered = new String(chars);
        OrdersStub.server.resetRequests();

        Response cart = cartResponse(tampered);
        assertThat(cart.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(cart.asString()).select(".empty").text()).startsWith("Your cart is empty.");
        assertThat(cookieValue(cart.header("Set-Cookie"))).isNotEqualTo(tampered);
        OrdersStub.server.verify(0, anyRequestedFor(urlPathMatching("/api/cart.*")));

        // The old session's CSRF token does not make a tampered cookie good either.
        assertThat(post("/cart/discount-code/remove", tampered, Map.of("_csrf", csrf))
                        .statusCode())
                .isEqualTo(403);
        // Nor does a cookie that is not ours at all.
        assertThat(page("/cart", "not-a-session", 200).select(".empty")).hasSize(1);
    }

    // --- helpers ---

    private record Visit(String setCookie, String cookie, String csrf) {}

    private Visit productPage() {
        Response response = given().accept("text/html").get("/p/cart-kite");
        assertThat(response.statusCode()).isEqualTo(200);
        String setCookie = response.header("Set-Cookie");
        assertThat(setCookie).isNotNull();
        String csrf = Jsoup.parse(response.asString())
                .select("form.add-to-cart input[name=_csrf]")
                .val();
        assertThat(csrf).isNotBlank();
        return new Visit(setCookie, cookieValue(setCookie), csrf);
    }

    /** A session holding orders' cart token: through the product page and "Add to cart", as a shopper gets one. */
    private String cartCookie() {
        Visit visit = productPage();
        Response added = post(
                "/cart/items",
                visit.cookie,
                Map.of("_csrf", visit.csrf, "productId", productId.toString(), "sku", "SKY-L", "quantity", "2"));
        expectRedirect(added);
        return cookieValue(added.header("Set-Cookie"));
    }

    private static Response post(String path, String cookie, Map<String, String> form) {
        var request = given().accept("text/html").redirects().follow(false).formParams(form);
        if (cookie != null) {
            request.cookie(COOKIE, cookie);
        }
        return request.post(path);
    }

    private static Response cartResponse(String cookie) {
        var request = given().accept("text/html");
        if (cookie != null) {
            request.cookie(COOKIE, cookie);
        }
        return request.get("/cart");
    }

    private static Document page(String path, String cookie, int status) {
        var request = given().accept("text/html");
        if (cookie != null) {
            request.cookie(COOKIE, cookie);
        }
        Response response = request.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        return Jsoup.parse(response.asString());
    }

    private static void expectRedirect(Response response) {
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/cart");
    }

    private static String csrfOf(Document page) {
        return page.select("form.set-destination input[name=_csrf]").val();
    }

    public static String cookieValue(String setCookie) {
        assertThat(setCookie).isNotNull();
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    private static Map<String, Object> fullCart() {
        return OrdersStub.view(
                List.of(
                        OrdersStub.line("SKY-L", "Sky Kite", 2999, 2, true, null),
                        OrdersStub.line("GONE-1", "Old Kite", 1500, 1, false, null),
                        OrdersStub.line("BOX 1A", "Box Kite", 1000, 1, true, 900L)),
                List.of(
                        OrdersStub.adjustment("DISCOUNT", "SUMMER", "Summer 10%", -700, false),
                        OrdersStub.adjustment("SHIPPING", "std", "Standard shipping", 490, false),
                        OrdersStub.adjustment("TAX", "TAX", "Tax 19%", 1040, true)),
                6998,
                6788,
                "SUMMER",
                Map.of("code", "DISCOUNT_EXPIRED", "detail", "This code has expired."),
                Map.of("country", "DE", "region", "BY", "source", "CHOSEN"));
    }
}
