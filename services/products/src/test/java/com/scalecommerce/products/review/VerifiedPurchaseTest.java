package com.scalecommerce.products.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.scalecommerce.platform.events.CloudEvent;
import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Purchases arrive as real CloudEvents on the orders stream, read by the platform's consumer runner. */
@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class VerifiedPurchaseTest {

    // The stream field the platform relay writes each envelope into.
    private static final String EVENT_FIELD = "event";

    @Inject
    TestCatalog catalog;

    @Inject
    RedisDataSource redis;

    @Test
    void aReviewWrittenBeforeThePurchaseEventArrivesIsMarkedVerifiedWhenItDoes() {
        TestCatalog.Product product = catalog.activeProduct();
        UUID buyer = UUID.randomUUID();
        String token = TestTokenIssuer.customer(buyer);
        String review = ReviewsTest.idOf(ReviewsTest.post(token, product.id(), ReviewsTest.review(5, "Love it", "")));
        given().auth()
                .oauth2(token)
                .get(ReviewsTest.reviewsOf(product.id()) + "/mine")
                .then()
                .body("verifiedPurchase", equalTo(false));

        publishOrderPaid(
                buyer,
                List.of(Map.of(
                        "productId",
                        product.id().toString(),
                        "sku",
                        product.sku(),
                        "quantity",
                        1,
                        "unitPriceMinor",
                        1999)));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().get(ReviewsTest.reviewsOf(product.id()))
                        .then()
                        .body("items.find { it.id == '" + review + "' }.verifiedPurchase", equalTo(true)));
    }

    @Test
    void aReviewWrittenAfterThePurchaseIsVerifiedAtOnceEvenWhenTheOrderNamesOnlyTheSku() {
        TestCatalog.Product bought = catalog.activeProduct();
        TestCatalog.Product notBought = catalog.activeProduct();
        UUID buyer = UUID.randomUUID();
        String token = TestTokenIssuer.customer(buyer);

        publishOrderPaid(buyer, List.of(Map.of("sku", bought.sku(), "quantity", 2, "unitPriceMinor", 1999)));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> catalog.single(
                                "select 1 from review_purchase where user_id = ? and product_id = ?",
                                buyer,
                                bought.id())
                        != null);

        ReviewsTest.post(token, bought.id(), ReviewsTest.review(4, "As described", ""))
                .then()
                .statusCode(201)
                .body("verifiedPurchase", equalTo(true));
        ReviewsTest.post(token, notBought.id(), ReviewsTest.review(4, "Never owned it", ""))
                .then()
                .statusCode(201)
                .body("verifiedPurchase", equalTo(false));
    }

    @Test
    void aRedeliveredPurchaseEventIsAppliedOnce() {
        TestCatalog.Product product = catalog.activeProduct();
        UUID buyer = UUID.randomUUID();
        CloudEvent paid =
                orderPaid(buyer, List.of(Map.of("productId", product.id().toString(), "quantity", 1)));

        redis.stream(String.class).xadd("events:orders", Map.of(EVENT_FIELD, paid.toJson()));
        redis.stream(String.class).xadd("events:orders", Map.of(EVENT_FIELD, paid.toJson()));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> catalog.single(
                                "select 1 from processed_event where consumer_group = 'products-reviews' and event_id = ?",
                                paid.id())
                        != null);
        assertThat(catalog.single("select first_order_id from review_purchase where user_id = ?", buyer))
                .isEqualTo(UUID.fromString(paid.subject()));
    }

    private void publishOrderPaid(UUID buyer, List<Map<String, Object>> lines) {
        redis.stream(String.class)
                .xadd(
                        "events:orders",
                        Map.of(EVENT_FIELD, orderPaid(buyer, lines).toJson()));
    }

    private static CloudEvent orderPaid(UUID buyer, List<Map<String, Object>> lines) {
        UUID order = UUID.randomUUID();
        return CloudEvent.of(
                "/orders", "order.paid", order.toString(), Map.of("orderId", order, "userId", buyer, "lines", lines));
    }
}
