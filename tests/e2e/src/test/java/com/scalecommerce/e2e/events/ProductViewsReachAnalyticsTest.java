package com.scalecommerce.e2e.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalecommerce.e2e.harness.EndToEnd;
import com.scalecommerce.e2e.harness.Platform;
import com.scalecommerce.e2e.harness.Reply;
import com.scalecommerce.e2e.harness.Shop;
import com.scalecommerce.e2e.harness.Shop.Product;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Product pages the storefront serves become analytics' "most viewed": the web app's product.viewed events travel
 * through the Redis stream events:web into analytics, one view per page and one session per browser.
 */
@EndToEnd
class ProductViewsReachAnalyticsTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    private final Platform platform;
    private final Shop shop;

    ProductViewsReachAnalyticsTest(Platform platform) {
        this.platform = platform;
        this.shop = platform.shop();
    }

    @Test
    void productPageViewsAreCountedInAnalyticsMostViewed() {
        Product product = shop.createProduct(1_500, 10);

        // Two browsers: the first looks twice with its session cookie, the second once.
        Reply first = productPage(product, null);
        String cookie = sessionCookie(first);
        productPage(product, cookie);
        productPage(product, null);

        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode viewed = mostViewed(product).orElseThrow(() -> new AssertionError("not in mostViewed yet"));
            assertThat(viewed.path("views").asLong()).isEqualTo(3);
            assertThat(viewed.path("viewSessions").asLong()).isEqualTo(2);
        });
    }

    private Reply productPage(Product product, String cookie) {
        var call = platform.web().get("/p/" + product.id()).header("Accept", "text/html");
        if (cookie != null) {
            call.header("Cookie", cookie);
        }
        return call.send().expect(200);
    }

    /** The session cookie the product page starts for a first visit ({@code sc=...}, local http). */
    private static String sessionCookie(Reply page) {
        String setCookie = page.header("Set-Cookie");
        assertThat(setCookie).as("the product page starts a session").startsWith("sc=");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private Optional<JsonNode> mostViewed(Product product) {
        JsonNode report = platform.analytics()
                .get("/api/admin/analytics/products")
                .bearer(shop.adminToken())
                .send()
                .expect(200)
                .json();
        for (JsonNode viewed : report.path("mostViewed")) {
            if (viewed.path("productId").asText().equals(product.id().toString())) {
                return Optional.of(viewed);
            }
        }
        return Optional.empty();
    }
}
