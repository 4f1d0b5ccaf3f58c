package com.scalecommerce.products.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class ReviewsTest {

    @Inject
    TestCatalog catalog;

    @Test
    void aCustomerReviewsAProductOnlyOnce() {
        UUID product = catalog.activeProduct().id();
        String customer = TestTokenIssuer.customer(UUID.randomUUID());

        post(customer, product, review(5, "Great lamp", "Bright and warm."))
                .then()
                .statusCode(201)
                .body("rating", equalTo(5))
                .body("title", equalTo("Great lamp"))
                .body("verifiedPurchase", equalTo(false));
        post(customer, product, review(1, "Changed my mind", ""))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("ALREADY_REVIEWED"));

        given().get(reviewsOf(product)).then().statusCode(200).body("items", hasSize(1));
        assertThat(catalog.ratingCount(product)).isEqualTo(1);
    }

    @Test
    void scriptsAndEventHandlersAreStrippedFromReviews() {
        UUID product = catalog.activeProduct().id();
        String customer = TestTokenIssuer.customer(UUID.randomUUID());

        Map<String, Object> hostile = review(
                4,
                "<script>alert('t')</script>Nice <img src=x onerror=alert(1)>lamp",
                "<p onclick=\"steal()\">Good <b onmouseover=alert(1)>light</b></p>"
                        + "<img src=x onerror=alert(document.cookie)><script>steal()</script>"
                        + "<a href=\"javascript:alert(1)\">link</a>");
        hostile.put("authorName", "<i>Eve</i><svg onload=alert(1)>");
        String id = post(customer, product, hostile)
                .then()
                .statusCode(201)
                .body("title", equalTo("Nice lamp"))
                .body("text", equalTo("<p>Good <b>light</b></p>link"))
                .body("authorName", equalTo("Eve"))
                .extract()
                .path("id");

        String shown =
                given().get(reviewsOf(product)).then().statusCode(200).extract().path("items[0].text");
        assertThat(shown).isEqualTo("<p>Good <b>light</b></p>link");
        Object stored = catalog.single("select title || body || author_name from review where id = ?::uuid", id);
        assertThat(stored.toString())
                .doesNotContainIgnoringCase("script")
                .doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("onmouseover")
                .doesNotContainIgnoringCase("javascript");
    }

    @Test
    void theProductRatingFollowsEveryPostEditHideUnhideAndDelete() {
        UUID product = catalog.activeProduct().id();
        String admin = TestTokenIssuer.admin(UUID.randomUUID());
        String ann = TestTokenIssuer.customer(UUID.randomUUID());
        String ben = TestTokenIssuer.customer(UUID.randomUUID());
        String cat = TestTokenIssuer.customer(UUID.randomUUID());

        String annReview = idOf(post(ann, product, review(5, "Superb", "")));
        String benReview = idOf(post(ben, product, review(4, "Good", "")));
        idOf(post(cat, product, review(1, "Broken", "")));
        assertRating(product, "3.33", 3, Map.of(1, 1, 4, 1, 5, 1));

        given().auth()
                .oauth2(ben)
                .contentType(ContentType.JSON)
                .body(review(2, "Worse than I thought", ""))
                .put(reviewsOf(product) + "/" + benReview)
                .then()
                .statusCode(200)
                .body("rating", equalTo(2));
        assertRating(product, "2.67", 3, Map.of(1, 1, 2, 1, 5, 1));

        given().auth()
                .oauth2(admin)
                .post("/api/admin/reviews/" + annReview + "/hide")
                .then()
                .statusCode(200)
                .body("status", equalTo("HIDDEN"));
        assertRating(product, "1.50", 2, Map.of(1, 1, 2, 1));

        given().auth()
                .oauth2(admin)
                .post("/api/admin/reviews/" + annReview + "/unhide")
                .then()
                .statusCode(200)
                .body("status", equalTo("VISIBLE"));
        assertRating(product, "2.67", 3, Map.of(1, 1, 2, 1, 5, 1));

        given().auth()
                .oauth2(ben)
                .delete(reviewsOf(product) + "/" + benReview)
                .then()
                .statusCode(204);
        assertRating(product, "3.00", 2, Map.of(1, 1, 5, 1));
    }

    @Test
    void reviewsPostedAtTheSameTimeAreAllCountedInTheRating() throws Exception {
        UUID product = catalog.activeProduct().id();
        int reviewers = 24;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(reviewers)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < reviewers; i++) {
                int rating = 1 + i % 5;
                posts.add(pool.submit(() -> {
                    start.await();
                    return post(TestTokenIssuer.customer(UUID.randomUUID()), product, review(rating, "Concurrent", ""))
                            .statusCode();
                }));
            }
            start.countDown();
            for (var posted : posts) {
                assertThat(posted.get()).isEqualTo(201);
            }
        }
        // Ratings 1..5 repeated: 4 full rounds (sum 60) plus 1, 2, 3, 4 (sum 10) = 70 over 24 reviews.
        assertRating(product, "2.92", reviewers, Map.of(1, 5, 2, 5, 3, 5, 4, 5, 5, 4));
    }

    @Test
    void hiddenReviewsAreInvisibleToShoppersButNotToModerators() {
        UUID product = catalog.activeProduct().id();
        UUID moderator = UUID.randomUUID();
        String admin = TestTokenIssuer.admin(moderator);
        String spam = idOf(post(TestTokenIssuer.customer(UUID.randomUUID()), product, review(5, "Buy followers", "")));
        idOf(post(TestTokenIssuer.customer(UUID.randomUUID()), product, review(3, "Fine", "")));

        given().auth()
                .oauth2(admin)
                .post("/api/admin/reviews/" + spam + "/hide")
                .then()
                .statusCode(200);

        given().get(reviewsOf(product))
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].title", equalTo("Fine"))
                .body("summary.ratingCount", equalTo(1));
        given().auth()
                .oauth2(admin)
                .queryParam("productId", product)
                .queryParam("status", "HIDDEN")
                .get("/api/admin/reviews")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(spam))
                .body("items[0].hiddenBy", equalTo(moderator.toString()));
    }

    @Test
    void onlyActiveProductsTakeReviews() {
        UUID draft = catalog.product("DRAFT", 1000, 1000).id();
        String customer = TestTokenIssuer.customer(UUID.randomUUID());

        post(customer, draft, review(5, "Early bird", ""))
                .then()
                .statusCode(404)
                .body("code", equalTo("PRODUCT_NOT_FOUND"));
        post(customer, UUID.randomUUID(), review(5, "Ghost", "")).then().statusCode(404);
        given().get(reviewsOf(draft)).then().statusCode(404).body("code", equalTo("PRODUCT_NOT_FOUND"));
    }

    @Test
    void reviewsOutsideTheLimitsAreRefusedNamingEachField() {
        UUID product = catalog.activeProduct().id();
        String customer = TestTokenIssuer.customer(UUID.randomUUID());

        post(customer, product, review(6, "x".repeat(121), "y".repeat(5001)))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("rating"))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("text"));
        post(customer, product, review(0, "<b></b>", "")).then().statusCode(400).body("errors.field", hasItem("title"));
        post(customer, product, review(5, "x".repeat(120), "y".repeat(5000)))
                .then()
                .statusCode(201);
        given().queryParam("sort", "random")
                .get(reviewsOf(product))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        given().queryParam("cursor", "not-a-cursor")
                .get(reviewsOf(product))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void customersCannotModerateAndModeratorsNeedAToken() {
        UUID product = catalog.activeProduct().id();
        String customer = TestTokenIssuer.customer(UUID.randomUUID());
        String review = idOf(post(customer, product, review(2, "Meh", "")));

        given().auth()
                .oauth2(customer)
                .get("/api/admin/reviews")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(customer)
                .post("/api/admin/reviews/" + review + "/hide")
                .then()
                .statusCode(403);
        given().get("/api/admin/reviews").then().statusCode(401);
        post(null, product, review(5, "Anonymous", "")).then().statusCode(401);
        assertThat(catalog.single("select status from review where id = ?::uuid", review))
                .isEqualTo("VISIBLE");
    }

    @Test
    void customersEditAndDeleteOnlyTheirOwnReviews() {
        UUID product = catalog.activeProduct().id();
        String owner = TestTokenIssuer.customer(UUID.randomUUID());
        String stranger = TestTokenIssuer.customer(UUID.randomUUID());
        String review = idOf(post(owner, product, review(3, "Okay", "")));

        given().auth()
                .oauth2(stranger)
                .contentType(ContentType.JSON)
                .body(review(1, "Vandalised", ""))
                .put(reviewsOf(product) + "/" + review)
                .then()
                .statusCode(404)
                .body("code", equalTo("REVIEW_NOT_FOUND"));
        given().auth()
                .oauth2(stranger)
                .delete(reviewsOf(product) + "/" + review)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(owner)
                .get(reviewsOf(product) + "/mine")
                .then()
                .statusCode(200)
                .body("title", equalTo("Okay"));

        given().auth()
                .oauth2(owner)
                .delete(reviewsOf(product) + "/" + review)
                .then()
                .statusCode(204);
        given().auth().oauth2(owner).get(reviewsOf(product) + "/mine").then().statusCode(404);
        post(owner, product, review(4, "Second thoughts", "")).then().statusCode(201);
    }

    @Test
    void pagesThroughReviewsInEachSortOrderWithACursor() {
        UUID product = catalog.activeProduct().id();
        int[] ratings = {3, 5, 1, 4, 2};
        List<String> ids = new ArrayList<>();
        List<String> customers = new ArrayList<>();
        for (int rating : ratings) {
            String customer = TestTokenIssuer.customer(UUID.randomUUID());
            customers.add(customer);
            ids.add(idOf(post(customer, product, review(rating, "Rated " + rating, ""))));
        }
        // Two helpful votes for the 1-star review, one for the 4-star one; the author's own vote is refused.
        given().auth()
                .oauth2(customers.get(0))
                .post(reviewsOf(product) + "/" + ids.get(2) + "/helpful")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(customers.get(1))
                .post(reviewsOf(product) + "/" + ids.get(2) + "/helpful")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(customers.get(1))
                .post(reviewsOf(product) + "/" + ids.get(2) + "/helpful")
                .then()
                .statusCode(200)
                .body("helpfulCount", equalTo(2));
        given().auth()
                .oauth2(customers.get(0))
                .post(reviewsOf(product) + "/" + ids.get(3) + "/helpful")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(customers.get(2))
                .post(reviewsOf(product) + "/" + ids.get(2) + "/helpful")
                .then()
                .statusCode(409)
                .body("code", equalTo("OWN_REVIEW"));

        assertThat(allPages(product, "newest")).containsExactly("Rated 2", "Rated 4", "Rated 1", "Rated 5", "Rated 3");
        assertThat(allPages(product, "rating-desc"))
                .containsExactly("Rated 5", "Rated 4", "Rated 3", "Rated 2", "Rated 1");
        assertThat(allPages(product, "rating-asc"))
                .containsExactly("Rated 1", "Rated 2", "Rated 3", "Rated 4", "Rated 5");
        assertThat(allPages(product, "helpful").subList(0, 2)).containsExactly("Rated 1", "Rated 4");
        given().queryParam("rating", 5)
                .get(reviewsOf(product))
                .then()
                .body("items", hasSize(1))
                .body("items[0].title", equalTo("Rated 5"));
    }

    @Test
    void postingAReviewRecordsReviewPostedInTheOutbox() {
        UUID product = catalog.activeProduct().id();
        UUID author = UUID.randomUUID();
        String review = idOf(post(TestTokenIssuer.customer(author), product, review(4, "Nice", "Private words")));

        Object envelope = catalog.single(
                "select envelope::text from outbox_event where type = 'review.posted' and subject = ?", review);
        assertThat(envelope).isNotNull();
        JsonPath event = JsonPath.from(envelope.toString());
        assertThat(event.getString("data.productId")).isEqualTo(product.toString());
        assertThat(event.getString("data.userId")).isEqualTo(author.toString());
        assertThat(event.getInt("data.rating")).isEqualTo(4);
        assertThat(event.getInt("data.ratingCount")).isEqualTo(1);
        assertThat(envelope.toString()).doesNotContain("Private words");
    }

    private List<String> allPages(UUID product, String sort) {
        List<String> titles = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("sort", sort).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(reviewsOf(product))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            titles.addAll(page.getList("items.title"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return titles;
    }

    private void assertRating(UUID product, String average, int count, Map<Integer, Integer> histogram) {
        assertThat(catalog.ratingAvg(product)).isEqualByComparingTo(new BigDecimal(average));
        assertThat(catalog.ratingCount(product)).isEqualTo(count);
        JsonPath summary =
                given().get(reviewsOf(product)).then().statusCode(200).extract().jsonPath();
        assertThat(new BigDecimal(summary.getString("summary.ratingAvg"))).isEqualByComparingTo(average);
        assertThat(summary.getInt("summary.ratingCount")).isEqualTo(count);
        for (int stars = 1; stars <= 5; stars++) {
            assertThat(summary.getInt("summary.histogram.'" + stars + "'"))
                    .as("%d-star reviews", stars)
                    .isEqualTo(histogram.getOrDefault(stars, 0));
        }
    }

    static Map<String, Object> review(int rating, String title, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("rating", rating);
        body.put("title", title);
        body.put("text", text);
        return body;
    }

    static Response post(String token, UUID product, Map<String, Object> review) {
        var request = given().contentType(ContentType.JSON).body(review);
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.post(reviewsOf(product));
    }

    static String idOf(Response posted) {
        return posted.then().statusCode(201).extract().path("id");
    }

    static String reviewsOf(UUID product) {
        return "/api/products/" + product + "/reviews";
    }
}
