package com.scalecommerce.web.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.scalecommerce.web.storefront.Browser;
import com.scalecommerce.web.storefront.OrdersStub;
import com.scalecommerce.web.storefront.ProductsStub;
import com.scalecommerce.web.storefront.UsersStub;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Redis hung (it accepts connections and never answers): product pages are served while the event writer is stuck
 * on a write, and the events are dropped and counted once that write times out. No page waits for Redis.
 */
@QuarkusTest
@QuarkusTestResource(ProductsStub.class)
@QuarkusTestResource(OrdersStub.class)
@QuarkusTestResource(UsersStub.class)
@QuarkusTestResource(value = UnansweringRedis.class, restrictToAnnotatedClass = true)
class RedisOutageTest {

    private static final Duration WARM_UP = Duration.ofSeconds(30);

    @Inject
    MeterRegistry metrics;

    @Test
    void aHungRedisNeitherFailsNorHoldsUpProductPagesAndTheLostEventsAreCounted() {
        ProductsStub.categories("Kites", "kites");
        ProductsStub.product("outage-kite", "Outage Kite", new ProductsStub.Sku("OUT-1", "L", 1999, true));
        double droppedBefore = dropped();
        // The first view warms the page up (templates, clients; slow on a busy machine) and queues the event whose
        // write then hangs for the full Redis timeout.
        await().atMost(WARM_UP).until(() -> Browser.get("/p/outage-kite", null).statusCode() == 200);

        for (int i = 0; i < 20; i++) {
            Response page = Browser.get("/p/outage-kite", null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.asString()).contains("Outage Kite");
        }
        // Causal rather than timed: twenty pages were served while that first write was still hanging, so none of
        // them waited for it (or for the writes queued behind it).
        assertThat(dropped()).as("events dropped so far").isEqualTo(droppedBefore);

        await().atMost(Duration.ofSeconds(3L * UnansweringRedis.REDIS_TIMEOUT_SECONDS))
                .until(() -> dropped() > droppedBefore);
        assertThat(Browser.get("/p/outage-kite", null).statusCode()).isEqualTo(200);
    }

    private double dropped() {
        var counter = metrics.find("scalecommerce.web.events.dropped")
                .tag("reason", "write_failed")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
