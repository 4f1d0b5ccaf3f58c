package com.scalecommerce.products.merchandising;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import com.scalecommerce.products.review.TestCatalog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class MerchandisingTest {

    private static final String HOME = "/api/merchandising/home";
    private static final String BANNERS = "/api/admin/merchandising/banners";
    private static final String FEATURED = "/api/admin/merchandising/featured";

    @Inject
    TestCatalog catalog;

    private final String admin = TestTokenIssuer.admin(UUID.randomUUID());

    @Test
    void theHomePageShowsOnlyBannersInsideTheirWindowInPositionOrder() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        createBanner(banner(run + " ended", 0, now.minus(2, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)));
        createBanner(banner(run + " scheduled", 0, now.plus(1, ChronoUnit.DAYS), null));
        createBanner(banner(run + " second", 20, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS)));
        createBanner(banner(run + " first", 10, null, null));
        createBanner(banner(run + " third", 30, now.minus(1, ChronoUnit.HOURS), null));

        List<String> shown = bannerHeadlines(run);
        assertThat(shown).containsExactly(run + " first", run + " second", run + " third");
    }

    @Test
    void aScheduledBannerAppearsWhenItsWindowOpensThoughTheHomePageIsCached() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        createBanner(banner(
                run + " flash sale",
                0,
                Instant.now().plusSeconds(2),
                Instant.now().plusSeconds(3600)));

        assertThat(bannerHeadlines(run)).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> bannerHeadlines(run).equals(List.of(run + " flash sale")));
    }

    @Test
    void featuredProductsAppearInTheAdminsOrderAndOnlyWhileActive() {
        TestCatalog.Product a = catalog.product("ACTIVE", 1999, 4999);
        TestCatalog.Product b = catalog.activeProduct();
        TestCatalog.Product c = catalog.activeProduct();
        TestCatalog.Product draft = catalog.product("DRAFT", 999, 999);

        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("productIds", List.of(c.id(), draft.id(), a.id(), b.id())))
                .put(FEATURED)
                .then()
                .statusCode(200);

        JsonPath home = given().get(HOME).then().statusCode(200).extract().jsonPath();
        assertThat(home.getList("featured.id"))
                .containsExactly(c.id().toString(), a.id().toString(), b.id().toString());
        Map<String, Object> card = home.getMap("featured[1]");
        assertThat(card)
                .containsEntry("name", a.name())
                .containsEntry("slug", a.slug())
                .containsEntry("minPriceMinor", 1999)
                .containsEntry("maxPriceMinor", 4999)
                .containsEntry("currency", "USD")
                .containsKey("ratingAvg")
                .containsKey("ratingCount");
        assertThat(card.get("imageUrl").toString()).startsWith("/media/img-");

        catalog.setStatus(a.id(), "ARCHIVED");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("productIds", List.of(c.id(), draft.id(), a.id(), b.id())))
                .put(FEATURED)
                .then()
                .statusCode(200);
        assertThat(given().get(HOME).jsonPath().getList("featured.id"))
                .containsExactly(c.id().toString(), b.id().toString());
        given().auth()
                .oauth2(admin)
                .get(FEATURED)
                .then()
                .statusCode(200)
                .body(
                        "productIds",
                        equalTo(List.of(
                                c.id().toString(), draft.id().toString(), a.id().toString(), b.id().toString())));
    }

    @Test
    void featuringUnknownOrRepeatedProductsIsRefused() {
        UUID real = catalog.activeProduct().id();
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("productIds", List.of(real, UUID.randomUUID(), real)))
                .put(FEATURED)
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of("productIds[1]", "productIds[2]")));
    }

    @Test
    void theHomePageAnswers304ToItsETagUntilMerchandisingChanges() {
        var first = given().get(HOME);
        first.then().statusCode(200).header("ETag", notNullValue()).header("Cache-Control", "public, max-age=10");
        String etag = first.header("ETag");

        given().header("If-None-Match", etag).get(HOME).then().statusCode(304).header("ETag", etag);
        given().header("If-None-Match", "W/" + etag + ", \"other\"")
                .get(HOME)
                .then()
                .statusCode(304);

        createBanner(banner("Fresh " + UUID.randomUUID(), 0, null, null));

        var after = given().header("If-None-Match", etag).get(HOME);
        after.then().statusCode(200);
        assertThat(after.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void customersCannotManageMerchandising() {
        String customer = TestTokenIssuer.customer(UUID.randomUUID());
        given().auth()
                .oauth2(customer)
                .contentType(ContentType.JSON)
                .body(Map.of("productIds", List.of()))
                .put(FEATURED)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(customer)
                .contentType(ContentType.JSON)
                .body(banner("Nope", 0, null, null))
                .post(BANNERS)
                .then()
                .statusCode(403);
        given().auth().oauth2(customer).get(BANNERS).then().statusCode(403);
        given().get(BANNERS).then().statusCode(401);
    }

    @Test
    void bannersAreCreatedReadReplacedAndDeleted() {
        Map<String, Object> input = banner("<b>Spring</b> <script>alert(1)</script>sale", 5, null, null);
        input.put("link", "/categories/garden");
        String id = createBanner(input);
        given().auth()
                .oauth2(admin)
                .get(BANNERS + "/" + id)
                .then()
                .statusCode(200)
                .body("headline", equalTo("Spring sale"))
                .body("link", equalTo("/categories/garden"));
        given().auth().oauth2(admin).get(BANNERS).then().statusCode(200).body("items.id", hasItem(id));

        Map<String, Object> replaced = banner("Summer sale", 1, null, null);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(replaced)
                .put(BANNERS + "/" + id)
                .then()
                .statusCode(200)
                .body("headline", equalTo("Summer sale"))
                .body("position", equalTo(1));

        given().auth().oauth2(admin).delete(BANNERS + "/" + id).then().statusCode(204);
        given().auth()
                .oauth2(admin)
                .get(BANNERS + "/" + id)
                .then()
                .statusCode(404)
                .body("code", equalTo("BANNER_NOT_FOUND"));
    }

    @Test
    void bannersWithUnsafeLinksMissingImagesOrBackwardWindowsAreRefused() {
        Map<String, Object> scriptLink = banner("Click", 0, null, null);
        scriptLink.put("link", "javascript:alert(1)");
        Map<String, Object> twoImages = banner("Two", 0, null, null);
        twoImages.put("imageKey", "abc.svg");
        Map<String, Object> unknownKey = banner("Unknown", 0, null, null);
        unknownKey.remove("imageUrl");
        unknownKey.put("imageKey", "no-such-image.svg");
        Instant now = Instant.now();
        Map<String, Object> backwards = banner("Backwards", 0, now, now.minusSeconds(60));

        assertRefused(scriptLink, "link");
        assertRefused(twoImages, "imageUrl");
        assertRefused(unknownKey, "imageKey");
        assertRefused(backwards, "endsAt");
    }

    private void assertRefused(Map<String, Object> input, String field) {
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(input)
                .post(BANNERS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    private List<String> bannerHeadlines(String run) {
        List<String> headlines =
                given().get(HOME).then().statusCode(200).extract().jsonPath().getList("banners.headline");
        return headlines.stream().filter(h -> h.startsWith(run)).toList();
    }

    private String createBanner(Map<String, Object> input) {
        return given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(input)
                .post(BANNERS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> banner(String headline, int position, Instant startsAt, Instant endsAt) {
        Map<String, Object> banner = new HashMap<>();
        banner.put("headline", headline);
        banner.put("text", "Limited time only");
        banner.put("imageUrl", "https://cdn.example.test/banner.png");
        banner.put("position", position);
        if (startsAt != null) {
            banner.put("startsAt", startsAt.toString());
        }
        if (endsAt != null) {
            banner.put("endsAt", endsAt.toString());
        }
        return banner;
    }
}
