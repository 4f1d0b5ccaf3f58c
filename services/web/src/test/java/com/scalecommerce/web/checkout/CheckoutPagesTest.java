package com.scalecommerce.web.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checkout pages against WireMock orders, users and products answering the services' real JSON: each step's
 * page and form, the draft carried in the session cookie, the order placed with a stable Idempotency-Key, and
 * every outcome (paid, 3-D Secure, declined, out of stock, price changed, orders away) shown where the shopper can
 * act on it.
 */
@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
@QuarkusTestResource(UsersStub.class)
class CheckoutPagesTest {

    private static final String EMAIL = "grace@example.com";

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void freshStart() {
        breakers.resetAll();
        OrdersStub.server.resetAll();
        UsersStub.server.resetAll();
        ProductsStub.categories("Kites", "kites");
        OrdersStub.answers(CheckoutStubs.cart());
        CheckoutStubs.productWeights();
        CheckoutStubs.shippingOptions("DE");
        CheckoutStubs.quotes(7498);
        CheckoutStubs.checkoutPays(EMAIL);
    }

    @Test
    void aGuestChecksOutStepByStep() {
        String cookie = guestWithCart();

        Response addressPage = Browser.get("/checkout", cookie);
        assertThat(addressPage.statusCode()).isEqualTo(200);
        Document address = Jsoup.parse(addressPage.asString());
        assertThat(address.select("form[action=/checkout/address] input[name=email]"))
                .hasSize(1);
        assertThat(address.select("select[name=country] option[value=DE]").text())
                .isEqualTo("Germany");
        assertThat(address.select(".checkout-steps [aria-current=step]").text()).isEqualTo("Address");

        Response toShipping = Browser.post("/checkout/address", cookie, guestAddress(Browser.csrf(addressPage)));
        assertThat(toShipping.statusCode()).isEqualTo(303);
        assertThat(toShipping.header("Location")).endsWith("/checkout/shipping");
        cookie = Browser.cookieAfter(toShipping, cookie);

        Response shippingPage = Browser.get("/checkout/shipping", cookie);
        assertThat(shippingPage.statusCode()).isEqualTo(200);
        Document shipping = Jsoup.parse(shippingPage.asString());
        assertThat(shipping.select(".ship-to").text())
                .contains("Grace Hopper", "Hauptstraße 1", "10115 Berlin", "Germany");
        var options = shipping.select("label.shipping-option");
        assertThat(options).hasSize(2);
        assertThat(options.get(0).select(".name").text()).isEqualTo("Standard");
        assertThat(options.get(0).select(".price").text()).isEqualTo("Free");
        assertThat(options.get(0).select(".delivery").text()).isEqualTo("3–5 business days");
        assertThat(options.get(0).select(".free-note").text()).contains("free-shipping minimum");
        assertThat(options.get(1).select(".price").text()).isEqualTo("€15.00");
        // The destination and the parcel (2 x 300 g from products) are what orders prices the options for.
        OrdersStub.server.verify(getRequestedFor(urlPathEqualTo("/api/checkout/shipping-options"))
                .withQueryParam("country", equalTo("DE"))
                .withQueryParam("currency", equalTo("EUR"))
                .withQueryParam("subtotalMinor", equalTo("5998"))
                .withQueryParam("weightGrams", equalTo("600")));

        Response toPayment = Browser.post(
                "/checkout/shipping",
                cookie,
                Map.of("_csrf", Browser.csrf(shippingPage), "methodId", CheckoutStubs.EXPRESS.toString()));
        assertThat(toPayment.statusCode()).isEqualTo(303);
        assertThat(toPayment.header("Location")).endsWith("/checkout/payment");
        cookie = Browser.cookieAfter(toPayment, cookie);

        Response paymentPage = Browser.get("/checkout/payment", cookie);
        Document payment = Jsoup.parse(paymentPage.asString());
        assertThat(payment.select("input[name=paymentMethod][type=radio]").eachAttr("value"))
                .contains("pm_card_visa", "pm_card_chargeDeclined", "pm_card_threeDSecure2Required");
        assertThat(payment.select("label.test-card").eachText())
                .anyMatch(t -> t.startsWith("Visa — succeeds"))
                .anyMatch(t -> t.startsWith("Declined card"))
                .anyMatch(t -> t.startsWith("3-D Secure"));
        // Card data never reaches us: no field for a card number, no third-party script in sandbox mode.
        assertThat(payment.select("input[name~=(?i)card|number|cvc]")).isEmpty();
        assertThat(payment.select("script[src*=stripe]")).isEmpty();

        Response toReview = Browser.post(
                "/checkout/payment",
                cookie,
                Map.of("_csrf", Browser.csrf(paymentPage), "paymentMethod", "pm_card_visa"));
        assertThat(toReview.statusCode()).isEqualTo(303);
        assertThat(toReview.header("Location")).endsWith("/checkout/review");
        cookie = Browser.cookieAfter(toReview, cookie);

        Response reviewPage = Browser.get("/checkout/review", cookie);
        assertThat(reviewPage.statusCode()).isEqualTo(200);
        Document review = Jsoup.parse(reviewPage.asString());
        assertThat(review.select("tr.line .name").text()).isEqualTo("Sky Kite");
        assertThat(review.select("tr.line .quantity").text()).isEqualTo("2");
        assertThat(review.select(".email").text()).isEqualTo(EMAIL);
        assertThat(review.select(".address").text()).contains("Grace Hopper", "Berlin");
        assertThat(review.select(".shipping-method").text()).contains("Express");
        assertThat(review.select(".payment-method").text()).contains("Visa — succeeds");
        assertThat(review.select(".summary .subtotal").text()).isEqualTo("€59.98");
        assertThat(review.select(".summary .shipping").text()).isEqualTo("€15.00");
        assertThat(review.select(".summary dt").eachText()).contains("Included tax 19%");
        assertThat(review.select(".summary .tax").text()).isEqualTo("€11.97");
        assertThat(review.select(".summary .total").text()).isEqualTo("€74.98");
        assertThat(review.select("form.place-order input[name=expectedTotalMinor]")
                        .val())
                .isEqualTo("7498");
        OrdersStub.server.verify(postRequestedFor(urlEqualTo("/api/checkout/quote"))
                .withRequestBody(
                        equalToJson("{\"currency\":\"EUR\",\"lines\":[{\"sku\":\"SKY-L\",\"unitPriceMinor\":2999,"
                                + "\"quantity\":2,\"weightGrams\":300}],\"destination\":{\"country\":\"DE\",\"region\":null},"
                                + "\"shippingMethodId\":\"" + CheckoutStubs.EXPRESS + "\",\"discountCode\":null}")));

        Response placed = Browser.post(
                "/checkout/place", cookie, Map.of("_csrf", Browser.csrf(reviewPage), "expectedTotalMinor", "7498"));
        assertThat(placed.statusCode()).isEqualTo(303);
        assertThat(placed.header("Location")).endsWith("/checkout/confirmation/" + CheckoutStubs.ORDER);
        cookie = Browser.cookieAfter(placed, cookie);
        LoggedRequest checkout = onlyCheckoutRequest();
        assertThat(checkout.getHeader("X-Cart-Token")).isEqualTo(OrdersStub.TOKEN);
        assertThat(checkout.containsHeader("Authorization")).isFalse();
        assertThat(checkout.getHeader("Idempotency-Key")).startsWith("web-");
        assertThat(checkout.getBodyAsString())
                .isEqualToIgnoringWhitespace("{\"email\":\"grace@example.com\",\"shippingAddress\":{\"recipientName\":"
                        + "\"Grace Hopper\",\"line1\":\"Hauptstraße 1\",\"city\":\"Berlin\",\"postalCode\":\"10115\","
                        + "\"country\":\"DE\"},\"shippingMethodId\":\"" + CheckoutStubs.EXPRESS
                        + "\",\"paymentMethod\":\"pm_card_visa\",\"expectedTotalMinor\":7498}");

        Response confirmationPage = Browser.get("/checkout/confirmation/" + CheckoutStubs.ORDER, cookie);
        assertThat(confirmationPage.statusCode()).isEqualTo(200);
        Document confirmation = Jsoup.parse(confirmationPage.asString());
        assertThat(confirmation.select(".order-number").text()).isEqualTo("100042");
        assertThat(confirmation.select(".mail-notice").text())
                .isEqualTo("A confirmation mail is on its way to grace@example.com.");
        assertThat(confirmation.select("tr.line .name").text()).isEqualTo("Sky Kite");
        assertThat(confirmation.select(".summary .total").text()).isEqualTo("€74.98");
        assertThat(confirmation.select(".address").text()).contains("Grace Hopper");
    }

    @Test
    void badAddressInputIsSaidNextToEachFieldWith400() {
        String cookie = guestWithCart();
        Response page = Browser.get("/checkout", cookie);
        Response refused = Browser.post(
                "/checkout/address",
                cookie,
                Map.of(
                        "_csrf",
                        Browser.csrf(page),
                        "email",
                        "not-an-email",
                        "recipientName",
                        "<script>alert(1)</script>",
                        "line1",
                        " ",
                        "postalCode",
                        "10115",
                        "country",
                        "XX"));
        assertThat(refused.statusCode()).isEqualTo(400);
        Document form = Jsoup.parse(refused.asString());
        assertThat(form.select(".field-problem").eachText())
                .contains(
                        "Enter an email address like name@example.com.",
                        "Enter the street and number.",
                        "Enter the city.",
                        "Choose a country from the list.");
        // What was typed comes back, escaped.
        assertThat(form.select("input[name=recipientName]").val()).isEqualTo("<script>alert(1)</script>");
        assertThat(refused.asString()).doesNotContain("<script>alert(1)</script>");
        assertThat(Browser.get("/checkout/shipping", cookie).header("Location")).endsWith("/checkout");
    }

    @Test
    void anEmptyCartGoesBackToTheCartWithAMessage() {
        OrdersStub.server.resetAll();
        OrdersStub.answers(OrdersStub.emptyView());
        String cookie = guestWithCart();
        Response checkout = Browser.get("/checkout", cookie);
        assertThat(checkout.statusCode()).isEqualTo(303);
        assertThat(checkout.header("Location")).endsWith("/cart");
        Document cart = Jsoup.parse(
                Browser.get("/cart", Browser.cookieAfter(checkout, cookie)).asString());
        assertThat(cart.select(".message").text()).isEqualTo("Your cart is empty: add something before checking out.");
    }

    @Test
    void theCartPageLinksToCheckout() {
        Document cart = Jsoup.parse(Browser.get("/cart", guestWithCart()).asString());
        assertThat(cart.select("a[href=/checkout]").text()).isEqualTo("Checkout");
    }

    @Test
    void theIdempotencyKeyStaysTheSameAcrossARepeatedPlaceOrder() {
        Ready ready = atReview(guestWithCart());
        // A double submit: both posts leave the browser with the same cookie.
        Response first = Browser.post("/checkout/place", ready.cookie, ready.placeForm());
        Response second = Browser.post("/checkout/place", ready.cookie, ready.placeForm());
        assertThat(first.header("Location")).isEqualTo(second.header("Location"));
        List<LoggedRequest> checkouts = OrdersStub.server.findAll(postRequestedFor(urlEqualTo("/api/checkout")));
        assertThat(checkouts).hasSize(2);
        assertThat(checkouts.get(0).getHeader("Idempotency-Key"))
                .isEqualTo(checkouts.get(1).getHeader("Idempotency-Key"));
        assertThat(checkouts.get(0).getBodyAsString())
                .isEqualTo(checkouts.get(1).getBodyAsString());
    }

    @Test
    void ordersUnreachableWhilePlacingIsA503AndTheRetryCarriesTheSameKey() {
        Ready ready = atReview(guestWithCart());
        OrdersStub.server.stubFor(post(urlEqualTo("/api/checkout"))
                .willReturn(aResponse().withStatus(500).withBody("boom")));
        Response down = Browser.post("/checkout/place", ready.cookie, ready.placeForm());
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(Jsoup.parse(down.asString()).select("main").text())
                .contains("cannot tell yet whether your order went through", "will not be placed twice");

        CheckoutStubs.checkoutPays(EMAIL);
        Response retried = Browser.post("/checkout/place", Browser.cookieAfter(down, ready.cookie), ready.placeForm());
        assertThat(retried.statusCode()).isEqualTo(303);
        List<LoggedRequest> checkouts = OrdersStub.server.findAll(postRequestedFor(urlEqualTo("/api/checkout")));
        assertThat(checkouts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(checkouts.stream().map(r -> r.getHeader("Idempotency-Key")).distinct())
                .hasSize(1);
    }

    @Test
    void ordersOwn503IsShownWithItsRetryAfter() {
        Ready ready = atReview(guestWithCart());
        OrdersStub.server.stubFor(post(urlEqualTo("/api/checkout"))
                .willReturn(CheckoutStubs.json(
                                503,
                                Map.of(
                                        "status",
                                        503,
                                        "code",
                                        "PAYMENT_GATEWAY_UNAVAILABLE",
                                        "detail",
                                        "The payment gateway is not answering; nothing was charged. Try again shortly."))
                        .withHeader("Retry-After", "7")));
        Response refused = Browser.post("/checkout/place", ready.cookie, ready.placeForm());
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("7");
        assertThat(Jsoup.parse(refused.asString()).select("main").text())
                .contains("The payment gateway is not answering; nothing was charged.");
    }

    @Test
    void aDeclinedCardGoesBackToThePaymentStepWithAClearMessageAndANewKey() {
        Ready ready = atReview(guestWithCart());
        CheckoutStubs.checkoutRefuses(
                402,
                "PAYMENT_DECLINED",
                "The card was declined; nothing was charged. Try another payment method.",
                Map.of("orderId", UUID.randomUUID(), "declineCode", "card_declined"));
        Response declined = Browser.post("/checkout/place", ready.cookie, ready.placeForm());
        assertThat(declined.statusCode()).isEqualTo(303);
        assertThat(declined.header("Location")).endsWith("/checkout/payment");
        String cookie = Browser.cookieAfter(declined, ready.cookie);
        Response payment = Browser.get("/checkout/payment", cookie);
        assertThat(Jsoup.parse(payment.asString()).select(".message").text())
                .isEqualTo("Your card was declined. Nothing was charged and your cart is kept: choose another payment"
                        + " method.");
        // The cart is untouched: no change was asked of orders.
        OrdersStub.server.verify(0, WireMock.deleteRequestedFor(urlPathEqualTo("/api/cart/items/SKY-L")));

        // Another card goes with a new key: orders keeps the declined order's answer under the first.
        cookie = Browser.cookieAfter(payment, cookie);
        Response chosen = Browser.post(
                "/checkout/payment", cookie, Map.of("_csrf", Browser.csrf(payment), "paymentMethod", "pm_card_visa"));
        cookie = Browser.cookieAfter(chosen, cookie);
        CheckoutStubs.checkoutPays(EMAIL);
        Response paid = Browser.post("/checkout/place", cookie, ready.placeForm());
        assertThat(paid.header("Location")).endsWith("/checkout/confirmation/" + CheckoutStubs.ORDER);
        List<LoggedRequest> checkouts = OrdersStub.server.findAll(postRequestedFor(urlEqualTo("/api/checkout")));
        assertThat(checkouts).hasSize(2);
        assertThat(checkouts.get(0).getHeader("Idempotency-Key"))
                .isNotEqualTo(checkouts.get(1).getHeader("Idempotency-Key"));
    }

    @Test
    void outOfStockGoesBackToTheCartNamingWhatIsShort() {
        Ready ready = atReview(guestWithCart());
        CheckoutStubs.checkoutRefuses(
                409,
                "OUT_OF_STOCK",
                "Not enough stock for some items; nothing was charged.",
                Map.of(
                        "orderId",
                        UUID.randomUUID(),
                        "shortages",
                        List.of(Map.of("sku", "SKY-L", "requested", 2, "available", 1))));
        Response refused = Browser.post("/checkout/place", ready.cookie, ready.placeForm());
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.header("Location")).endsWith("/cart");
        Document cart = Jsoup.parse(
                Browser.get("/cart", Browser.cookieAfter(refused, ready.cookie)).asString());
        assertThat(cart.select(".message").text())
                .isEqualTo("Not enough stock for: Sky Kite (you asked for 2, only 1 left). Nothing was charged: change"
                        + " the quantities, then check out again.");
    }

    @Test
    void aChangedPriceShowsTheReviewAgainWithANotice() {
        Ready ready = atReview(guestWithCart());
        CheckoutStubs.checkoutRefuses(409, "PRICE_CHANGED", "The total is now 7998.", Map.of());
        Response refused = Browser.post("/checkout/place", ready.cookie, ready.placeForm());
        assertThat(refused.header("Location")).endsWith("/checkout/review");
        CheckoutStubs.quotes(7998);
        Document review = Jsoup.parse(Browser.get("/checkout/review", Browser.cookieAfter(refused, ready.cookie))
                .asString());
        assertThat(review.select(".message").text()).startsWith("The total changed since you looked at it");
        assertThat(review.select("input[name=expectedTotalMinor]").val()).isEqualTo("7998");
    }

    @Test
    void threeDSecureIsConfirmedOnTheAuthenticationStepThenTheConfirmationShows() {
        Ready ready = atReview(guestWithCart());
        CheckoutStubs.checkoutNeedsAuthentication(EMAIL);
        Response placed = Browser.post("/checkout/place", ready.cookie, ready.placeForm());
        assertThat(placed.header("Location")).endsWith("/checkout/authenticate");
        String cookie = Browser.cookieAfter(placed, ready.cookie);

        Response challenge = Browser.get("/checkout/authenticate", cookie);
        Document page = Jsoup.parse(challenge.asString());
        assertThat(page.select("form.approve button").text()).isEqualTo("Complete authentication");
        assertThat(page.select("form.fail button").text()).isEqualTo("Fail authentication");

        Response approved = Browser.post(
                "/checkout/authenticate", cookie, Map.of("_csrf", Browser.csrf(challenge), "approve", "true"));
        assertThat(approved.header("Location")).endsWith("/checkout/status/" + CheckoutStubs.ORDER);
        OrdersStub.server.verify(postRequestedFor(
                        urlEqualTo("/api/payments/sandbox/intents/pi_sbx_abc123/authenticate"))
                .withRequestBody(equalToJson("{\"clientSecret\":\"pi_sbx_abc123_secret_def456\",\"approve\":true}")));
        cookie = Browser.cookieAfter(approved, cookie);

        Response status = Browser.get("/checkout/status/" + CheckoutStubs.ORDER, cookie);
        assertThat(status.statusCode()).isEqualTo(303);
        assertThat(status.header("Location")).endsWith("/checkout/confirmation/" + CheckoutStubs.ORDER);
        Document confirmation = Jsoup.parse(
                Browser.get("/checkout/confirmation/" + CheckoutStubs.ORDER, Browser.cookieAfter(status, cookie))
                        .asString());
        assertThat(confirmation.select(".order-number").text()).isEqualTo("100042");
        assertThat(confirmation.select(".status").text()).contains("Payment confirmed");
    }

    @Test
    void aFailedAuthenticationGoesBackToPaymentWithANewKey() {
        Ready ready = atReview(guestWithCart());
        CheckoutStubs.checkoutNeedsAuthentication(EMAIL);
        OrdersStub.server.stubFor(post(urlEqualTo("/api/payments/sandbox/intents/pi_sbx_abc123/authenticate"))
                .willReturn(
                        CheckoutStubs.json(200, Map.of("id", "pi_sbx_abc123", "status", "requires_payment_method"))));
        String cookie =
                Browser.cookieAfter(Browser.post("/checkout/place", ready.cookie, ready.placeForm()), ready.cookie);
        Response challenge = Browser.get("/checkout/authenticate", cookie);
        Response failed = Browser.post(
                "/checkout/authenticate", cookie, Map.of("_csrf", Browser.csrf(challenge), "approve", "false"));
        cookie = Browser.cookieAfter(failed, cookie);
        Response status = Browser.get("/checkout/status/" + CheckoutStubs.ORDER, cookie);
        assertThat(status.header("Location")).endsWith("/checkout/payment");
        Document payment = Jsoup.parse(Browser.get("/checkout/payment", Browser.cookieAfter(status, cookie))
                .asString());
        assertThat(payment.select(".message").text()).startsWith("The payment was not confirmed with your bank");
    }

    @Test
    void everyCheckoutFormRefusesAMissingOrForeignCsrfToken() {
        String cookie = guestWithCart();
        String foreign = Browser.csrf(Browser.get("/cart", null));
        for (String path : List.of(
                "/checkout/address",
                "/checkout/shipping",
                "/checkout/payment",
                "/checkout/place",
                "/checkout/authenticate")) {
            assertThat(Browser.post(path, cookie, Map.of("paymentMethod", "pm_card_visa"))
                            .statusCode())
                    .as("no token on " + path)
                    .isEqualTo(403);
            assertThat(Browser.post(path, cookie, Map.of("_csrf", foreign)).statusCode())
                    .as("another session's token on " + path)
                    .isEqualTo(403);
        }
        OrdersStub.server.verify(0, postRequestedFor(urlEqualTo("/api/checkout")));
    }

    @Test
    void aSignedInCustomerShipsToAnAddressFromTheirAddressBook() {
        // With an RS256 signature's real length (342 characters), so the cookie's size below is a real one.
        String stubbed =
                UsersStub.accessToken(UUID.randomUUID().toString(), "ada@example.com", List.of("CUSTOMER"), 900);
        String access = stubbed.substring(0, stubbed.lastIndexOf('.') + 1) + "S".repeat(342);
        UsersStub.stub(WireMock.post(urlEqualTo("/api/auth/login")), 200, UsersStub.tokens(access, "refresh-1"));
        UUID home = UUID.randomUUID();
        UsersStub.stub(
                WireMock.get(urlEqualTo("/api/users/me/addresses")),
                200,
                List.of(bookAddress(UUID.randomUUID(), "Office", false), bookAddress(home, "Home", true)));
        String cookie = signIn();

        Response addressPage = Browser.get("/checkout", cookie);
        Document address = Jsoup.parse(addressPage.asString());
        assertThat(address.select("input[name=email]")).isEmpty();
        assertThat(address.select(".saved-addresses input[name=savedAddress]").eachAttr("value"))
                .contains(home.toString(), "new");
        assertThat(address.select(".saved-addresses input[checked]").val()).isEqualTo(home.toString());
        UsersStub.server.verify(getRequestedFor(urlEqualTo("/api/users/me/addresses"))
                .withHeader("Authorization", equalTo("Bearer " + access)));

        Response chosen = Browser.post(
                "/checkout/address",
                cookie,
                Map.of("_csrf", Browser.csrf(addressPage), "savedAddress", home.toString()));
        assertThat(chosen.header("Location")).endsWith("/checkout/shipping");
        cookie = Browser.cookieAfter(chosen, cookie);
        Ready ready = fromShipping(cookie);
        Response placed = Browser.post("/checkout/place", ready.cookie, ready.placeForm());
        // The cookie carries the tokens, the draft and the placed order's summary, under browsers' 4 KB limit.
        assertThat(placed.header("Set-Cookie").length()).isLessThan(4000);

        LoggedRequest checkout = onlyCheckoutRequest();
        assertThat(checkout.getHeader("Authorization")).isEqualTo("Bearer " + access);
        assertThat(checkout.containsHeader("X-Cart-Token")).isFalse();
        OrdersStub.server.verify(postRequestedFor(urlEqualTo("/api/checkout"))
                .withRequestBody(matchingJsonPath("$.shippingAddressId", equalTo(home.toString())))
                .withRequestBody(matchingJsonPath("$.email", absent()))
                .withRequestBody(matchingJsonPath("$.shippingAddress", absent())));
    }

    @Test
    void aForeignOrUnknownConfirmationIsNotFound() {
        String cookie = guestWithCart();
        assertThat(Browser.get("/checkout/confirmation/" + UUID.randomUUID(), cookie)
                        .statusCode())
                .isEqualTo(404);
        assertThat(Browser.get("/checkout/confirmation/not-a-uuid", cookie).statusCode())
                .isEqualTo(404);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** A guest session whose cart token orders gave on the first add to cart. */
    private static String guestWithCart() {
        Response cart = Browser.get("/cart", null);
        String cookie = Browser.cookieAfter(cart, null);
        Response added = Browser.post(
                "/cart/items",
                cookie,
                Map.of(
                        "_csrf",
                        Browser.csrf(cart),
                        "productId",
                        CheckoutStubs.PRODUCT.toString(),
                        "sku",
                        "SKY-L",
                        "quantity",
                        "2"));
        assertThat(added.statusCode()).isEqualTo(303);
        return Browser.cookieAfter(added, cookie);
    }

    private static String signIn() {
        Response form = Browser.get("/login", null);
        String cookie = Browser.cookieAfter(form, null);
        Response in = Browser.post(
                "/login", cookie, Map.of("_csrf", Browser.csrf(form), "email", "ada@example.com", "password", "pw"));
        assertThat(in.statusCode()).isEqualTo(303);
        return Browser.cookieAfter(in, cookie);
    }

    private static Map<String, String> guestAddress(String csrf) {
        return Map.of(
                "_csrf", csrf,
                "email", EMAIL,
                "recipientName", "Grace Hopper",
                "line1", "Hauptstraße 1",
                "postalCode", "10115",
                "city", "Berlin",
                "country", "de");
    }

    private static Map<String, Object> bookAddress(UUID id, String label, boolean defaultShipping) {
        var a = new java.util.LinkedHashMap<String, Object>();
        a.put("id", id);
        a.put("label", label);
        a.put("recipientName", "Ada Lovelace");
        a.put("company", null);
        a.put("line1", "Hauptstraße 1");
        a.put("line2", null);
        a.put("city", "Berlin");
        a.put("region", null);
        a.put("postalCode", "10115");
        a.put("country", "DE");
        a.put("phone", null);
        a.put("defaultShipping", defaultShipping);
        a.put("defaultBilling", false);
        a.put("createdAt", "2026-01-01T00:00:00Z");
        a.put("updatedAt", "2026-01-01T00:00:00Z");
        return a;
    }

    /** A session at the review step, and the form its "Place order" button posts. */
    private record Ready(String cookie, String csrf, String expectedTotal) {
        Map<String, String> placeForm() {
            return Map.of("_csrf", csrf, "expectedTotalMinor", expectedTotal);
        }
    }

    private static Ready atReview(String cookie) {
        Response address = Browser.get("/checkout", cookie);
        cookie = Browser.cookieAfter(
                Browser.post("/checkout/address", cookie, guestAddress(Browser.csrf(address))), cookie);
        return fromShipping(cookie);
    }

    private static Ready fromShipping(String cookie) {
        Response shipping = Browser.get("/checkout/shipping", cookie);
        cookie = Browser.cookieAfter(
                Browser.post(
                        "/checkout/shipping",
                        cookie,
                        Map.of("_csrf", Browser.csrf(shipping), "methodId", CheckoutStubs.EXPRESS.toString())),
                cookie);
        Response payment = Browser.get("/checkout/payment", cookie);
        cookie = Browser.cookieAfter(
                Browser.post(
                        "/checkout/payment",
                        cookie,
                        Map.of("_csrf", Browser.csrf(payment), "paymentMethod", "pm_card_visa")),
                cookie);
        Response review = Browser.get("/checkout/review", cookie);
        assertThat(review.statusCode()).as(review.asString()).isEqualTo(200);
        Document page = Jsoup.parse(review.asString());
        return new Ready(
                Browser.cookieAfter(review, cookie),
                Browser.csrf(review),
                page.select("input[name=expectedTotalMinor]").val());
    }

    private static LoggedRequest onlyCheckoutRequest() {
        List<LoggedRequest> checkouts = OrdersStub.server.findAll(postRequestedFor(urlEqualTo("/api/checkout")));
        assertThat(checkouts).hasSize(1);
        return checkouts.getFirst();
    }
}
