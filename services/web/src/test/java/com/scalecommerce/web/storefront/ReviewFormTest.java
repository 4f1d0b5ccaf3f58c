package com.scalecommerce.web.storefront;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
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

/** The product page's review form against WireMock products (its review API and problem answers) and users. */
@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
@QuarkusTestResource(UsersStub.class)
class ReviewFormTest {

    private static final String USER = UUID.randomUUID().toString();

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    @io.quarkus.cache.CacheName("product")
    io.quarkus.cache.Cache products;

    private UUID productId;
    private String access;

    @BeforeEach
    void freshStart() {
        breakers.resetAll();
        // Each test stubs the product under a new id; the web caches product pages for seconds.
        products.invalidateAll().await().indefinitely();
        UsersStub.server.resetAll();
        ProductsStub.categories("Kites", "kites");
        productId = ProductsStub.product("review-kite", "Review Kite", new ProductsStub.Sku("RK-1", "M", 1999, true));
        ProductsStub.reviews(productId, "Great", "Flies well");
        access = UsersStub.accessToken(USER, "ada@example.com", List.of("CUSTOMER"), 900);
        UsersStub.stub(
                WireMock.post(urlEqualTo("/api/auth/login")), 200, UsersStub.tokens(access, "r-" + UUID.randomUUID()));
    }

    @Test
    void aGuestIsInvitedToSignInInsteadOfAForm() {
        Document page = Jsoup.parse(Browser.get("/p/review-kite", null).asString());
        assertThat(page.select("form.write-review")).isEmpty();
        assertThat(page.select("#reviews a[href='/login?next=/p/review-kite']")).hasSize(1);
    }

    @Test
    void aCustomerPostsAReviewWithTheirTokenAndSeesTheThanks() {
        String cookie = signIn();
        ProductsStub.server.stubFor(WireMock.post(urlEqualTo("/api/products/" + productId + "/reviews"))
                .willReturn(WireMock.aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + UUID.randomUUID() + "\",\"rating\":4}")));
        Response page = Browser.get("/p/review-kite", cookie);
        String csrf = Jsoup.parse(page.asString())
                .select("form.write-review input[name=_csrf]")
                .val();

        Response posted = Browser.post(
                "/p/review-kite/reviews",
                cookie,
                Map.of(
                        "_csrf",
                        csrf,
                        "rating",
                        "4",
                        "title",
                        "Sturdy",
                        "text",
                        "Survived a <b>gale</b>.",
                        "authorName",
                        ""));

        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.header("Location")).endsWith("/p/review-kite#reviews");
        ProductsStub.server.verify(
                postRequestedFor(urlEqualTo("/api/products/" + productId + "/reviews"))
                        .withHeader("Authorization", equalTo("Bearer " + access))
                        .withRequestBody(
                                equalToJson(
                                        "{\"rating\":4,\"title\":\"Sturdy\",\"text\":\"Survived a <b>gale</b>.\",\"authorName\":null}")));
        String after = Browser.cookieAfter(posted, cookie);
        assertThat(Jsoup.parse(Browser.get("/p/review-kite", after).asString())
                        .select("#reviews .notice")
                        .text())
                .isEqualTo("Thank you: your review is published.");
    }

    @Test
    void productsRefusalIsShownOnTheProductPage() {
        String cookie = signIn();
        ProductsStub.server.stubFor(
                WireMock.post(urlEqualTo("/api/products/" + productId + "/reviews"))
                        .willReturn(
                                WireMock.aResponse()
                                        .withStatus(409)
                                        .withHeader("Content-Type", "application/problem+json")
                                        .withBody(
                                                "{\"status\":409,\"code\":\"REVIEW_EXISTS\",\"detail\":\"You already reviewed it.\"}")));
        String csrf = Jsoup.parse(Browser.get("/p/review-kite", cookie).asString())
                .select("form.write-review input[name=_csrf]")
                .val();

        Response posted = Browser.post(
                "/p/review-kite/reviews",
                cookie,
                Map.of("_csrf", csrf, "rating", "5", "title", "Again", "text", "More"));

        String after = Browser.cookieAfter(posted, cookie);
        assertThat(Jsoup.parse(Browser.get("/p/review-kite", after).asString())
                        .select("#reviews .notice")
                        .text())
                .isEqualTo("You have already reviewed this product.");
    }

    @Test
    void badInputAndMissingCsrfNeverReachProducts() {
        String cookie = signIn();
        String csrf = Jsoup.parse(Browser.get("/p/review-kite", cookie).asString())
                .select("form.write-review input[name=_csrf]")
                .val();
        Response bad = Browser.post(
                "/p/review-kite/reviews", cookie, Map.of("_csrf", csrf, "rating", "9", "title", "x", "text", "y"));
        assertThat(bad.statusCode()).isEqualTo(303);
        Response forged =
                Browser.post("/p/review-kite/reviews", cookie, Map.of("rating", "5", "title", "x", "text", "y"));
        assertThat(forged.statusCode()).isEqualTo(403);
        ProductsStub.server.verify(0, postRequestedFor(urlEqualTo("/api/products/" + productId + "/reviews")));
    }

    private String signIn() {
        Response form = Browser.get("/login", null);
        String cookie = Browser.cookieAfter(form, null);
        Response in = Browser.post(
                "/login", cookie, Map.of("_csrf", Browser.csrf(form), "email", "ada@example.com", "password", "pw"));
        assertThat(in.statusCode()).isEqualTo(303);
        return Browser.cookieAfter(in, cookie);
    }
}
