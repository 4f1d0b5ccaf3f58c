package com.scalecommerce.web.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.web.storefront.Browser;
import com.scalecommerce.web.storefront.OrdersStub;
import com.scalecommerce.web.storefront.ProductsStub;
import com.scalecommerce.web.storefront.UsersStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The payment step when the shop runs on Stripe: Stripe's card element instead of the test cards, its script and
 * frames allowed by that page's Content-Security-Policy only, and the form accepting nothing but a {@code pm_...}
 * token (the card number goes from the browser to Stripe, never here).
 */
@QuarkusTest
@TestProfile(StripePaymentStepTest.OnStripe.class)
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
@QuarkusTestResource(UsersStub.class)
class StripePaymentStepTest {

    public static class OnStripe implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scalecommerce.web.payments.stripe-publishable-key", "pk_test_checkout123");
        }
    }

    @BeforeEach
    void stubs() {
        OrdersStub.server.resetAll();
        ProductsStub.categories("Kites", "kites");
        OrdersStub.answers(CheckoutStubs.cart());
        CheckoutStubs.productWeights();
        CheckoutStubs.shippingOptions("DE");
        CheckoutStubs.quotes(7498);
    }

    @Test
    void thePaymentStepShowsStripesCardElementAndTakesOnlyAToken() {
        String cookie = atPayment();
        Response page = Browser.get("/checkout/payment", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        Document payment = Jsoup.parse(page.asString());
        assertThat(payment.select("form[data-stripe-key=pk_test_checkout123] #card-element"))
                .hasSize(1);
        assertThat(payment.select("script[src=https://js.stripe.com/v3/]")).hasSize(1);
        assertThat(payment.select("script[src^=/static/checkout-stripe.js?v=]")).hasSize(1);
        assertThat(payment.select("input[name=paymentMethod][type=radio]")).isEmpty();
        assertThat(page.headers().getValues("Content-Security-Policy"))
                .singleElement()
                .satisfies(csp -> assertThat(csp)
                        .contains("script-src 'self' https://js.stripe.com", "frame-src https://js.stripe.com"));
        // Every other page keeps the self-only policy.
        assertThat(Browser.get("/cart", cookie).header("Content-Security-Policy"))
                .doesNotContain("stripe");

        String csrf = Browser.csrf(page);
        Response notAToken =
                Browser.post("/checkout/payment", cookie, Map.of("_csrf", csrf, "paymentMethod", "4242424242424242"));
        assertThat(notAToken.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(notAToken.asString()).select("#card-errors").text())
                .isEqualTo("Your card details could not be read. Enter them again.");

        Response token =
                Browser.post("/checkout/payment", cookie, Map.of("_csrf", csrf, "paymentMethod", "pm_1PqRsTuVwXyZ"));
        assertThat(token.statusCode()).isEqualTo(303);
        assertThat(token.header("Location")).endsWith("/checkout/review");
        Document review = Jsoup.parse(Browser.get("/checkout/review", Browser.cookieAfter(token, cookie))
                .asString());
        assertThat(review.select(".payment-method").text()).startsWith("Card");
    }

    private static String atPayment() {
        Response cart = Browser.get("/cart", null);
        String cookie = Browser.cookieAfter(cart, null);
        cookie = Browser.cookieAfter(
                Browser.post(
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
                                "2")),
                cookie);
        Response address = Browser.get("/checkout", cookie);
        cookie = Browser.cookieAfter(
                Browser.post(
                        "/checkout/address",
                        cookie,
                        Map.of(
                                "_csrf", Browser.csrf(address),
                                "email", "grace@example.com",
                                "recipientName", "Grace Hopper",
                                "line1", "Hauptstraße 1",
                                "postalCode", "10115",
                                "city", "Berlin",
                                "country", "DE")),
                cookie);
        Response shipping = Browser.get("/checkout/shipping", cookie);
        return Browser.cookieAfter(
                Browser.post(
                        "/checkout/shipping",
                        cookie,
                        Map.of("_csrf", Browser.csrf(shipping), "methodId", CheckoutStubs.EXPRESS.toString())),
                cookie);
    }
}
