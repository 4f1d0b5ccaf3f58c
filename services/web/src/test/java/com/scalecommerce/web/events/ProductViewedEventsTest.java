package com.scalecommerce.web.events;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.scalecommerce.web.storefront.Browser;
import com.scalecommerce.web.storefront.OrdersStub;
import com.scalecommerce.web.storefront.ProductsStub;
import com.scalecommerce.web.storefront.UsersStub;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A product page view reaches the Redis stream {@code events:web} (the test profile's Redis database 5) as the
 * CloudEvent analytics ingests, keyed like orders keys its cart events; read back with XRANGE.
 */
@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
@QuarkusTestResource(UsersStub.class)
class ProductViewedEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DELIVERED = Duration.ofSeconds(10);

    @Inject
    RedisDataSource redis;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    EventStreamWriter writer;

    @Inject
    MeterRegistry metrics;

    private UUID productId;
    // Product details are cached for seconds by slug: each test serves its own product.
    private String slug;

    @BeforeEach
    void freshStart() {
        breakers.resetAll();
        UsersStub.server.resetAll();
        OrdersStub.server.resetAll();
        redis.key().del(EventStreamWriter.STREAM);
        ProductsStub.categories("Kites", "kites");
        slug = "event-kite-" + UUID.randomUUID();
        productId = ProductsStub.product(slug, "Event Kite", new ProductsStub.Sku("EV-1", "L", 2999, true));
        OrdersStub.answers(OrdersStub.emptyView());
    }

    @Test
    void aProductPageViewIsWrittenToTheWebStreamAsACloudEvent() {
        Instant before = Instant.now().minusSeconds(1);
        Response page = Browser.get("/p/" + slug, null);
        assertThat(page.statusCode()).isEqualTo(200);

        JsonNode event = onlyEvent();
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(UUID.fromString(event.path("id").asText())).isNotNull();
        assertThat(event.path("source").asText()).isEqualTo("/web");
        assertThat(event.path("type").asText()).isEqualTo("product.viewed");
        assertThat(event.path("subject").asText()).isEqualTo(productId.toString());
        assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(Instant.parse(event.path("time").asText())).isBetween(before, Instant.now());
        JsonNode data = event.path("data");
        assertThat(data.path("productId").asText()).isEqualTo(productId.toString());
        assertThat(data.path("sessionId").asText()).matches("s:[0-9a-f]{32}");
        assertThat(data.has("userId")).isFalse();

        // The same browser keeps its key: the next view is the same session for analytics.
        String cookie = Browser.cookieAfter(page, null);
        redis.key().del(EventStreamWriter.STREAM);
        Browser.get("/p/" + slug, cookie);
        assertThat(onlyEvent().path("data").path("sessionId").asText())
                .isEqualTo(data.path("sessionId").asText());
    }

    @Test
    void aGuestWithACartIsKeyedByOrdersCartIdNeverByTheToken() throws Exception {
        Response first = Browser.get("/p/" + slug, null);
        String cookie = Browser.cookieAfter(first, null);
        Response added = Browser.post(
                "/cart/items",
                cookie,
                Map.of(
                        "_csrf",
                        Browser.csrf(first),
                        "productId",
                        productId.toString(),
                        "sku",
                        "EV-1",
                        "quantity",
                        "1"));
        assertThat(added.statusCode()).isEqualTo(303);
        cookie = Browser.cookieAfter(added, cookie);
        awaitEvents(1);
        redis.key().del(EventStreamWriter.STREAM);

        Browser.get("/p/" + slug, cookie);

        String cartId = "g:"
                + HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(OrdersStub.TOKEN.getBytes(StandardCharsets.US_ASCII)));
        JsonNode event = onlyEvent();
        assertThat(event.path("data").path("sessionId").asText()).isEqualTo(cartId);
        assertThat(event.toString()).doesNotContain(OrdersStub.TOKEN);
    }

    @Test
    void aSignedInCustomerIsKeyedByTheirUserId() {
        String user = UUID.randomUUID().toString();
        String access = UsersStub.accessToken(user, "ada@example.com", List.of("CUSTOMER"), 900);
        UsersStub.stub(WireMock.post(urlEqualTo("/api/auth/login")), 200, UsersStub.tokens(access, "refresh-1"));
        Response form = Browser.get("/login", null);
        Response signedIn = Browser.post(
                "/login",
                Browser.cookieAfter(form, null),
                Map.of("_csrf", Browser.csrf(form), "email", "ada@example.com", "password", "pw"));
        assertThat(signedIn.statusCode()).isEqualTo(303);

        Browser.get("/p/" + slug, Browser.cookieAfter(signedIn, null));

        JsonNode data = onlyEvent().path("data");
        assertThat(data.path("sessionId").asText()).isEqualTo("u:" + user);
        assertThat(data.path("userId").asText()).isEqualTo(user);
    }

    @Test
    void anUnknownProductEmitsNothing() {
        ProductsStub.failing("/api/products/no-such-kite", 404);
        assertThat(Browser.get("/p/no-such-kite", null).statusCode()).isEqualTo(404);
        Browser.get("/p/" + slug, null);
        // The view of the existing product arrives; nothing was queued before it for the unknown one.
        assertThat(onlyEvent().path("subject").asText()).isEqualTo(productId.toString());
    }

    @Test
    void eachSearchGoesToProductsWithTheShoppersKeyForItsSearchEvents() {
        Response view = Browser.get("/p/" + slug, null);
        String cookie = Browser.cookieAfter(view, null);
        String key = onlyEvent().path("data").path("sessionId").asText();
        ProductsStub.listing(
                "q", "boxkite", List.of(ProductsStub.item("Box Kite", "box-kite", 2500, true)), null, false);

        assertThat(Browser.get("/search?q=boxkite", cookie).statusCode()).isEqualTo(200);
        assertThat(Browser.get("/search?q=boxkite", cookie).statusCode()).isEqualTo(200);

        // Products counts searches (search.performed): each one reaches it, none is answered from the web's cache.
        ProductsStub.server.verify(
                2,
                getRequestedFor(urlPathEqualTo("/api/products"))
                        .withQueryParam("q", equalTo("boxkite"))
                        .withHeader("X-Session-Id", equalTo(key.replace(':', '.'))));
    }

    /**
     * Views that follow each other closely go to Redis in one round trip: the writer lingers after the first (200
     * ms in the test profile, 20 ms by default) instead of waking and writing for each view.
     */
    @Test
    void viewsInQuickSuccessionAreWrittenInOneBatch() throws InterruptedException {
        Response warm = Browser.get("/p/" + slug, null);
        assertThat(warm.statusCode()).isEqualTo(200);
        awaitEvents(1);
        double batchesBefore =
                metrics.counter("scalecommerce.web.events.batches").count();

        for (int i = 0; i < 5; i++) {
            writer.offer("product.viewed", productId.toString(), Map.of("productId", productId, "sessionId", "s" + i));
            Thread.sleep(5);
        }

        assertThat(awaitEvents(6)).hasSize(6);
        assertThat(metrics.counter("scalecommerce.web.events.batches").count() - batchesBefore)
                .as("round trips for 5 views 5 ms apart")
                .isEqualTo(1.0);
    }

    private JsonNode onlyEvent() {
        List<StreamMessage<String, String, String>> entries = awaitEvents(1);
        assertThat(entries).hasSize(1);
        try {
            return JSON.readTree(entries.get(0).payload().get(EventStreamWriter.EVENT_FIELD));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<StreamMessage<String, String, String>> awaitEvents(int count) {
        await().atMost(DELIVERED)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> redis.stream(String.class).xlen(EventStreamWriter.STREAM) >= count);
        return redis.stream(String.class).xrange(EventStreamWriter.STREAM, StreamRange.of("-", "+"));
    }
}
