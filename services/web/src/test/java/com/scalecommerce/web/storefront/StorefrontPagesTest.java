package com.scalecommerce.web.storefront;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.scalecommerce.web.WebConfig;
import com.scalecommerce.web.catalog.Catalog;
import com.scalecommerce.web.catalog.CatalogModels;
import com.scalecommerce.web.catalog.Navigation;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
class StorefrontPagesTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    @CacheName("home")
    Cache home;

    @Inject
    @CacheName("categories")
    Cache categories;

    @Inject
    Catalog catalog;

    @Inject
    Navigation navigation;

    @Inject
    WebConfig config;

    @BeforeEach
    void freshStart() {
        breakers.resetAll();
        home.invalidateAll().await().indefinitely();
        categories.invalidateAll().await().indefinitely();
        ProductsStub.categories("Kites", "kites", "Boats", "boats");
        ProductsStub.home(
                List.of(ProductsStub.banner("Summer sale", "/c/kites")),
                List.of(ProductsStub.card("Red Kite", "red-kite", 1999)));
    }

    @Test
    void homeShowsCategoryNavigationSearchBannersAndFeaturedProducts() {
        Document page = page("/", 200);
        assertThat(page.select("nav.categories a").eachText()).containsExactly("Kites", "Boats");
        assertThat(page.select("nav.categories a").first().attr("href")).isEqualTo("/c/kites");
        assertThat(page.select("form[role=search]").attr("action")).isEqualTo("/search");
        assertThat(page.select("form[role=search]").attr("method")).isEqualTo("get");
        assertThat(page.select(".banner .headline").text()).isEqualTo("Summer sale");
        assertThat(page.select(".card .name").eachText()).containsExactly("Red Kite");
        assertThat(page.select(".card .price").text()).isEqualTo("€19.99");
        assertThat(page.select(".card a").attr("href")).isEqualTo("/p/red-kite");
    }

    /**
     * Pages are written as UTF-8 bytes by web's own writer (Utf8Pages). What the catalog holds beyond ASCII (an
     * accent, a star, Chinese, a kite emoji, the euro sign of the price) arrives as character references, so the
     * page is ASCII inside web and its encoding an array copy (AsciiHtmlEscaper); a browser shows the same text.
     */
    @Test
    void aPageIsUtf8AndWritesTextBeyondAsciiAsCharacterReferences() {
        ProductsStub.home(List.of(), List.of(ProductsStub.card("Crème Kite ★ 風 \uD83E\uDE81", "creme-kite", 1999)));

        Response answer = given().accept("text/html").get("/");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualToIgnoringCase("text/html;charset=UTF-8");
        byte[] body = answer.asByteArray();
        String decoded = new String(body, StandardCharsets.UTF_8);
        assertThat(decoded.getBytes(StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(decoded.chars().filter(c -> c > 0x7F))
                .as("characters beyond ASCII")
                .isEmpty();
        assertThat(decoded)
                .contains("Cr&#232;me Kite &#9733; &#39080; &#129665;")
                .contains("&#8364;19.99");
        Document page = Jsoup.parse(decoded);
        assertThat(page.select(".card .name").text()).isEqualTo("Crème Kite ★ 風 \uD83E\uDE81");
        assertThat(page.select(".card .price").text()).isEqualTo("€19.99");
    }

    @Test
    void categoryPageShowsTheGridFacetsSortAndANextPageLink() {
        ProductsStub.listing(
                "category",
                "kites",
                List.of(
                        ProductsStub.item("Box Kite", "box-kite", 2500, true),
                        ProductsStub.item("Delta Kite", "delta-kite", 1500, false)),
                "CURSOR2",
                false);
        Document page = page("/c/kites?brand=acme&sort=price_asc", 200);
        assertThat(page.select("h1").text()).isEqualTo("Kites");
        assertThat(page.select(".results .card .name").eachText()).containsExactly("Box Kite", "Delta Kite");
        assertThat(page.select(".results .stock.out").text()).isEqualTo("Out of stock");
        assertThat(page.select("input[name=brand][value=acme]").hasAttr("checked"))
                .isTrue();
        assertThat(page.select("input[name=price]").eachAttr("value")).containsExactly("-2500", "2500-");
        assertThat(page.select("input[name=attr.colour][value=red]")).hasSize(1);
        assertThat(page.select("select[name=sort] option[selected]").val()).isEqualTo("price_asc");
        String next = page.select("a[rel=next]").attr("href");
        assertThat(next).startsWith("/c/kites?").contains("brand=acme", "sort=price_asc", "cursor=CURSOR2");
    }

    @Test
    void aPageFindsTheListingAndCategoryBarItReadBeforeInTheCacheWithoutACall() {
        ProductsStub.listing(
                "category", "boats", List.of(ProductsStub.item("Dinghy", "dinghy", 90000, true)), null, false);
        var query = new MultivaluedHashMap<String, String>();
        query.add("sort", "price_desc");
        var filters = ListingQuery.from(query).filters("boats", config.pageSize());
        assertThat(catalog.cachedProducts(filters)).as("never read").isEmpty();

        String first = page("/c/boats?sort=price_desc", 200).select(".results").outerHtml();

        // What the category page starts without a thread for: the same keys its reads were cached under.
        assertThat(catalog.cachedProducts(filters).orElseThrow().items())
                .extracting(CatalogModels.Item::name)
                .containsExactly("Dinghy");
        assertThat(navigation.cached().orElseThrow())
                .extracting(CatalogModels.CategoryNode::slug)
                .containsExactly("kites", "boats");
        // Products stops answering: the page renders the same from web's caches, asking nothing.
        ProductsStub.server.resetAll();
        Response answer = given().accept("text/html").get("/c/boats?sort=price_desc");
        assertThat(answer.header(HandlingThread.HEADER)).startsWith("vert.x-eventloop");
        Document again = Jsoup.parse(answer.asString());
        assertThat(again.select(".results").outerHtml()).isEqualTo(first).contains("Dinghy");
        ProductsStub.server.verify(0, WireMock.anyRequestedFor(WireMock.anyUrl()));
    }

    @Test
    void theHomeAndAProductPageAreServedFromWebsCachesWithoutACall() {
        UUID id = ProductsStub.product("kept-kite", "Kept Kite", new ProductsStub.Sku("KEPT-1", "M", 1200, true));
        ProductsStub.reviews(id, "Steady", "Flies in any wind");
        assertThat(catalog.cachedProduct("kept-kite")).as("never read").isEmpty();

        String home = page("/", 200).select("main").outerHtml();
        given().accept("text/html").get("/p/kept-kite").then().statusCode(200);

        // What those pages render on the event loop without a thread: the keys their reads were cached under.
        assertThat(catalog.cachedHome()).isPresent();
        assertThat(catalog.cachedProduct("kept-kite").orElseThrow().name()).isEqualTo("Kept Kite");
        assertThat(catalog.cachedReviews(id, 10).orElseThrow().items()).hasSize(1);
        // Products stops answering: both pages render the same from web's caches, asking nothing.
        ProductsStub.server.resetAll();
        Response homeAgain = given().accept("text/html").get("/");
        assertThat(Jsoup.parse(homeAgain.asString()).select("main").outerHtml())
                .isEqualTo(home)
                .contains("Red Kite");
        Response productAgain = given().accept("text/html").get("/p/kept-kite");
        // The answers finish on the event loop: the pages are @NonBlocking, not run on a virtual thread. (A page that
        // read on a virtual thread first is finished on the event loop too; the peeks above show the fast path's
        // condition holds.)
        assertThat(homeAgain.header(HandlingThread.HEADER)).startsWith("vert.x-eventloop");
        assertThat(productAgain.header(HandlingThread.HEADER)).startsWith("vert.x-eventloop");
        Document again = Jsoup.parse(productAgain.asString());
        assertThat(again.select("h1").text()).isEqualTo("Kept Kite");
        assertThat(again.select(".review h3").text()).isEqualTo("Steady");
        assertThat(again.select("form.add-to-cart input[name=sku]").val()).isEqualTo("KEPT-1");
        ProductsStub.server.verify(0, WireMock.anyRequestedFor(WireMock.anyUrl()));
    }

    @Test
    void anUnknownCategoryIsAFriendly404() {
        ProductsStub.listing("category", "nothing-here", List.of(), null, false);
        Document page = page("/c/nothing-here", 404);
        assertThat(page.select("h1").text()).isEqualTo("Page not found");
    }

    @Test
    void searchShowsResultsAndSaysWhenTheyAreOnlySimilar() {
        ProductsStub.listing("q", "kiet", List.of(ProductsStub.item("Box Kite", "box-kite", 2500, true)), null, true);
        Document page = page("/search?q=kiet", 200);
        assertThat(page.select(".results .card .name").eachText()).containsExactly("Box Kite");
        assertThat(page.select(".notice").text()).contains("No exact matches for “kiet”");
        assertThat(page.select("input#q").val()).isEqualTo("kiet");
    }

    @Test
    void aSearchWithNothingFoundOffersDidYouMean() {
        ProductsStub.listing("q", "zzkite", List.of(), null, false);
        ProductsStub.suggest("zzkite", "Box Kite");
        Document page = page("/search?q=zzkite", 200);
        assertThat(page.select(".did-you-mean a").text()).isEqualTo("Box Kite");
        assertThat(page.select(".did-you-mean a").attr("href")).isEqualTo("/search?q=Box+Kite");
    }

    @Test
    void productPageShowsGalleryVariantsPriceStockReviewsAndAnAddToCartForm() {
        UUID id = ProductsStub.product(
                "sky-kite",
                "Sky Kite",
                new ProductsStub.Sku("SKY-S", "S", 1999, false),
                new ProductsStub.Sku("SKY-L", "L", 2999, true));
        ProductsStub.reviews(id, "Great kite", "<p>Flies <b>well</b></p>");

        Document page = page("/p/sky-kite", 200);
        assertThat(page.select("h1").text()).isEqualTo("Sky Kite");
        // The first variant in stock is chosen: its own picture leads the gallery.
        assertThat(page.select(".gallery img").eachAttr("src"))
                .containsExactly("https://img.test/SKY-L.png", "https://img.test/sky-kite-shared.png");
        assertThat(page.select(".buy .price").text()).isEqualTo("€29.99");
        assertThat(page.select(".stock").text()).isEqualTo("In stock");
        assertThat(page.select(".variants a").eachText()).containsExactly("size: S (sold out)", "size: L");
        assertThat(page.select(".variants a[aria-current]").text()).isEqualTo("size: L");
        assertThat(page.select("form.add-to-cart").attr("method")).isEqualTo("post");
        assertThat(page.select("form.add-to-cart input[name=sku]").val()).isEqualTo("SKY-L");
        assertThat(page.select(".reviews .summary").text()).contains("4.5", "2 reviews");
        assertThat(page.select(".review h3").text()).isEqualTo("Great kite");
        assertThat(page.select(".review .text b").text()).isEqualTo("well");
        assertThat(page.select(".histogram meter")).hasSize(5);

        Document small = page("/p/sky-kite?sku=SKY-S", 200);
        assertThat(small.select(".buy .price").text()).isEqualTo("€19.99");
        assertThat(small.select(".stock").text()).isEqualTo("Out of stock");
        assertThat(small.select("form.add-to-cart button").hasAttr("disabled")).isTrue();
        assertThat(small.select(".gallery img").first().attr("src")).isEqualTo("https://img.test/SKY-S.png");
    }

    @Test
    void aProductPageRenderedOnceForEveryoneCarriesEachVisitorsOwnCsrfToken() {
        ProductsStub.product("twin-kite", "Twin Kite", new ProductsStub.Sku("TWIN-1", "One", 1500, true));

        // Two browsers, each with a session of its own; the second is served the markup the first one made.
        Response first = given().accept("text/html").get("/p/twin-kite");
        Response second = given().accept("text/html").get("/p/twin-kite");
        String firstToken = Jsoup.parse(first.asString())
                .select("form.add-to-cart input[name=_csrf]")
                .val();
        String secondToken = Jsoup.parse(second.asString())
                .select("form.add-to-cart input[name=_csrf]")
                .val();

        assertThat(firstToken).isNotBlank().isNotEqualTo(secondToken);
        assertThat(first.asString() + second.asString()).doesNotContain("csrf-placeholder");
        // Each token is the one of the session that came with its page: the add-to-cart form works for both.
        OrdersStub.answers(Map.of("lines", List.of(), "currency", "EUR"));
        for (var visit : List.of(Map.entry(first, firstToken), Map.entry(second, secondToken))) {
            given().cookie(visit.getKey().getDetailedCookie(Browser.COOKIE))
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("_csrf", visit.getValue())
                    .formParam("productId", UUID.randomUUID().toString())
                    .formParam("sku", "TWIN-1")
                    .formParam("quantity", "1")
                    .redirects()
                    .follow(false)
                    .post("/cart/items")
                    .then()
                    .statusCode(303);
        }
    }

    @Test
    void failingReviewsLeaveTheProductPageStanding() {
        UUID id = ProductsStub.product("quiet-kite", "Quiet Kite", new ProductsStub.Sku("QK", "M", 999, true));
        ProductsStub.failing("/api/products/" + id + "/reviews", 500);
        Document page = page("/p/quiet-kite", 200);
        assertThat(page.select("h1").text()).isEqualTo("Quiet Kite");
        assertThat(page.select("#reviews")).isEmpty();
        assertThat(page.select("form.add-to-cart")).hasSize(1);
    }

    @Test
    void productTextIsEscaped() {
        UUID id = ProductsStub.product(
                "evil-kite", "<script>alert(1)</script> Kite", new ProductsStub.Sku("EVIL", "M", 999, true));
        ProductsStub.reviews(id, "ok", "fine");
        String html = given().accept("text/html")
                .get("/p/evil-kite")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html).doesNotContain("<script>alert(1)</script>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; Kite");
        assertThat(Jsoup.parse(html).select("h1").text()).isEqualTo("<script>alert(1)</script> Kite");
    }

    @Test
    void productsDownAnswersAFriendly503PageWithRetryAfter() {
        ProductsStub.failing("/api/products/down-kite", 500);
        Response response = given().accept("text/html").get("/p/down-kite");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.contentType()).startsWith("text/html");
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("h1").text()).isEqualTo("The shop is busy");
        assertThat(response.asString()).doesNotContain("Exception", "at com.");
    }

    @Test
    void theHomePageIs503WhenProductsIsDown() {
        ProductsStub.failing("/api/merchandising/home", 503);
        page("/", 503);
    }

    @Test
    void autocompleteAnswersSameOriginJson() {
        ProductsStub.suggest("bo", "Box Kite");
        given().accept("application/json")
                .get("/search/suggest?q=bo")
                .then()
                .statusCode(200)
                .body("suggestions[0].label", org.hamcrest.Matchers.equalTo("Box Kite"))
                .body("suggestions[0].url", org.hamcrest.Matchers.equalTo("/p/s"));
    }

    private static Document page(String path, int status) {
        String html = given().accept("text/html")
                .get(path)
                .then()
                .statusCode(status)
                .extract()
                .asString();
        return Jsoup.parse(html);
    }

    @Test
    void productImagesArePassedOnFromProductsWithTheirYearLongCaching() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
        ProductsStub.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/media/abc123.png")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "image/png")
                        .withHeader("ETag", "\"abc123.png\"")
                        .withHeader("Cache-Control", "public, max-age=31536000, immutable")
                        .withBody(png)));

        Response image = given().get("/media/abc123.png");

        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(image.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(image.asByteArray()).isEqualTo(png);
        assertThat(given().get("/media/missing.png").statusCode()).isEqualTo(404);
        assertThat(given().get("/media/..%2Fapi%2Fproducts").statusCode()).isEqualTo(404);
    }
}
