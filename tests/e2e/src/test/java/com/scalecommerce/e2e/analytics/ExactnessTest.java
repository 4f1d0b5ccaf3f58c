package com.scalecommerce.e2e.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalecommerce.e2e.harness.Customer;
import com.scalecommerce.e2e.harness.EndToEnd;
import com.scalecommerce.e2e.harness.Json;
import com.scalecommerce.e2e.harness.Platform;
import com.scalecommerce.e2e.harness.Redis;
import com.scalecommerce.e2e.harness.Reply;
import com.scalecommerce.e2e.harness.Shop;
import com.scalecommerce.e2e.harness.Shop.Product;
import com.scalecommerce.e2e.harness.Shopper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Analytics counts every order and every cent exactly once: a workload of checkouts, declines, cancellations and
 * refunds through the real services, analytics SIGKILLed in the middle of it and started again, copies of events
 * already delivered appended to the stream; afterwards its fact tables hold the orders service's own figures to
 * the cent. And a replay of its raw log rebuilds the same tables.
 */
@EndToEnd
class ExactnessTest {

    private static final String VISA = "pm_card_visa";
    private static final String DECLINED_CARD = "pm_card_chargeDeclined";
    private static final String ORDERS_STREAM = "events:orders";
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    /** The orders service's own books: orders that reached PAID, their totals, what the gateway refunded. */
    private static final String ORDERS_FIGURES = "select o.currency, count(*) as orders, sum(o.total_minor) as gross,"
            + " sum(p.amount_refunded) as refunds, sum(o.total_minor) - sum(p.amount_refunded) as net,"
            + " (select coalesce(sum(l.quantity), 0) from order_line l join customer_order lo on lo.id = l.order_id"
            + "   where lo.currency = o.currency and exists (select 1 from order_event e where e.order_id = lo.id"
            + "   and e.to_status = 'PAID')) as units"
            + " from customer_order o join payment p on p.order_id = o.id"
            + " where exists (select 1 from order_event e where e.order_id = o.id and e.to_status = 'PAID')"
            + " group by o.currency order by o.currency";

    /** The same figures from analytics' facts: revenue at paid_at, refunds as their own rows. */
    private static final String ANALYTICS_FIGURES =
            "select f.currency, count(*) as orders, sum(f.total_minor) as gross,"
                    + " (select coalesce(sum(r.amount_minor), 0) from fact_refund r where r.currency = f.currency) as refunds,"
                    + " sum(f.total_minor) - (select coalesce(sum(r.amount_minor), 0) from fact_refund r"
                    + "   where r.currency = f.currency) as net,"
                    + " (select coalesce(sum(l.quantity), 0) from fact_order_line l join fact_order lo on lo.order_id = l.order_id"
                    + "   where lo.currency = f.currency and lo.paid_at is not null) as units"
                    + " from fact_order f where f.paid_at is not null group by f.currency order by f.currency";

    /** Every projection a replay rebuilds (the analytics README's table). */
    private static final List<String> PROJECTIONS = List.of(
            "fact_order",
            "fact_order_line",
            "fact_refund",
            "fact_behaviour",
            "fact_search",
            "fact_stock",
            "dim_product",
            "dim_variant",
            "dim_customer");

    private static final int LANES = 4;
    private static final int CHECKOUTS = 48;

    private final Platform platform;
    private final Shop shop;

    ExactnessTest(Platform platform) {
        this.platform = platform;
        this.shop = platform.shop();
    }

    @Test
    void ordersAndRevenueEqualTheOrdersServicesToTheCentThroughACrashAndDuplicates() throws Exception {
        List<Product> products = List.of(
                shop.createProduct(1_999, 500),
                shop.createProduct(2_450, 500),
                shop.createProduct(999, 500),
                shop.createProduct(12_501, 500));
        shop.shipping();
        var done = new AtomicInteger();
        var outcomes = new java.util.concurrent.ConcurrentHashMap<String, AtomicInteger>();

        // Lanes run side by side; each has its own customer, whose cart must not be filled by two checkouts at once.
        try (var lanes = Executors.newFixedThreadPool(LANES)) {
            var running = new ArrayList<Future<?>>();
            for (int lane = 0; lane < LANES; lane++) {
                int laneNo = lane;
                running.add(lanes.submit(() -> {
                    Customer customer = shop.registerCustomer();
                    var random = new Random(31L * laneNo);
                    for (int i = laneNo; i < CHECKOUTS; i += LANES) {
                        String outcome = oneCheckout(i, customer, products, random);
                        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger())
                                .incrementAndGet();
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }

            awaitDone(done, CHECKOUTS / 3, running);
            platform.kill("analytics");
            awaitDone(done, CHECKOUTS / 2, running);
            // Copies of entries it may or may not have applied before it died, waiting for it meanwhile.
            List<String> duplicatedWhileDown = injectDuplicates(3);
            awaitDone(done, 2 * CHECKOUTS / 3, running);
            platform.start("analytics");
            for (Future<?> lane : running) {
                get(lane);
            }
            List<String> duplicated = new ArrayList<>(duplicatedWhileDown);
            duplicated.addAll(injectDuplicates(4));

            assertThat(outcomes.keySet())
                    .as("the workload's outcomes " + outcomes)
                    .contains("paid", "declined", "cancelled", "partially refunded", "refunded");

            await().atMost(CATCH_UP)
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(figures(platform.analyticsDb(), ANALYTICS_FIGURES))
                            .as(
                                    "analytics' figures against the orders service's (refund requests not yet sent: %s)",
                                    pendingRefunds())
                            .isEqualTo(figures(platform.ordersDb(), ORDERS_FIGURES))
                            .isNotEmpty());
            for (String eventId : duplicated) {
                assertThat(platform.analyticsDb().count("select count(*) from event_log where event_id = ?", eventId))
                        .as("raw log rows of duplicated event " + eventId)
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void aReplayOfTheRawLogRebuildsIdenticalProjections() {
        Product product = shop.createProduct(3_333, 20);
        var guest = shop.guestCartWith(product, 2);
        Reply paid = shop.checkout(guest, Shop.newIdempotencyKey(), shop.guestCheckout(Shop.guestEmail(), VISA));
        assertThat(paid.status()).as(paid.describe()).isEqualTo(201);
        refund(paid.json().path("order").path("id").asText(), 1_111L);
        await().atMost(CATCH_UP)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(figures(platform.analyticsDb(), ANALYTICS_FIGURES))
                        .isEqualTo(figures(platform.ordersDb(), ORDERS_FIGURES)));

        // Events still arriving (stock levels, mails' bookkeeping) would change the tables between the two
        // fingerprints without the replay being at fault: compare only across a replay the log did not grow in.
        for (int attempt = 1; ; attempt++) {
            long logBefore = platform.analyticsDb().count("select count(*) from event_log");
            String before = fingerprint();
            Reply replay = platform.analytics()
                    .post("/api/admin/analytics/replay", null)
                    .bearer(shop.adminToken())
                    .send();
            assertThat(replay.status()).as(replay.describe()).isEqualTo(200);
            String after = fingerprint();
            long logAfter = platform.analyticsDb().count("select count(*) from event_log");
            if (logAfter != logBefore && attempt < 5) {
                continue;
            }
            assertThat(logAfter).as("events arrived during every attempt").isEqualTo(logBefore);
            assertThat(replay.json().path("events").asLong())
                    .as(replay.describe())
                    .isEqualTo(logBefore);
            assertThat(after).as("projections after the replay").isEqualTo(before);
            break;
        }
    }

    /** One checkout of the plan; answers what became of it. */
    private String oneCheckout(int i, Customer customer, List<Product> products, Random random) {
        boolean asCustomer = i % 3 == 0;
        boolean declined = !asCustomer && i % 8 == 5;
        Shopper shopper;
        Map<String, Object> body;
        Product first = products.get(random.nextInt(products.size()));
        if (asCustomer) {
            shopper = customer;
            shop.addToCart(customer, first, 1 + random.nextInt(3)).expect(200);
            body = shop.customerCheckoutTo(Shop.address("Ada Analytics"), declined ? DECLINED_CARD : VISA);
        } else {
            shopper = shop.guestCartWith(first, 1 + random.nextInt(3));
            body = shop.guestCheckout(Shop.guestEmail(), declined ? DECLINED_CARD : VISA);
        }
        if (random.nextBoolean()) {
            Product second = products.get(random.nextInt(products.size()));
            shop.addToCart(shopper, second, 1 + random.nextInt(2)).expect(200);
        }

        Reply reply = shop.checkout(shopper, Shop.newIdempotencyKey(), body);
        if (declined) {
            assertThat(reply.status()).as(reply.describe()).isEqualTo(402);
            return "declined";
        }
        assertThat(reply.status()).as(reply.describe()).isEqualTo(201);
        JsonNode order = reply.json().path("order");
        String orderId = order.path("id").asText();
        long total = order.path("totalMinor").asLong();
        assertThat(total).as(reply.describe()).isPositive();

        if (asCustomer && i % 2 == 0) {
            platform.orders()
                    .post("/api/orders/" + orderId + "/cancel", null)
                    .bearer(customer.accessToken())
                    .send()
                    .expect(200);
            return "cancelled";
        }
        if (i % 5 == 1) {
            // An odd third: refunds in cents that no rounding would hide.
            refund(orderId, total / 3);
            if (i % 2 == 1) {
                refund(orderId, null);
                return "refunded";
            }
            return "partially refunded";
        }
        if (i % 7 == 2) {
            refund(orderId, total);
            return "refunded";
        }
        return "paid";
    }

    private void refund(String orderId, Long amountMinor) {
        var body = new LinkedHashMap<String, Object>();
        body.put("amountMinor", amountMinor);
        platform.orders()
                .post("/api/admin/orders/" + orderId + "/refund", body)
                .bearer(shop.adminToken())
                .send()
                .expect(200);
    }

    /**
     * Appends again {@code count} entries already in the orders stream, picked across it, as they were (same
     * CloudEvent, same event id): what a producer retrying a publish, or a redelivery, looks like to a consumer.
     */
    private List<String> injectDuplicates(int count) {
        Redis redis = platform.redis();
        List<Redis.Entry> entries = redis.entries(ORDERS_STREAM);
        assertThat(entries).as("entries of " + ORDERS_STREAM).hasSizeGreaterThanOrEqualTo(count);
        var ids = new ArrayList<String>();
        for (int k = 0; k < count; k++) {
            Redis.Entry entry = entries.get(k * (entries.size() - 1) / Math.max(1, count - 1));
            redis.append(ORDERS_STREAM, entry.fields());
            ids.add(Json.read(entry.fields().get("event")).path("id").asText());
        }
        return ids;
    }

    /** Rows as currency -> [orders, gross, refunds, net, units], all as longs. */
    private static Map<String, List<Long>> figures(com.scalecommerce.e2e.harness.Database db, String sql) {
        var figures = new LinkedHashMap<String, List<Long>>();
        for (Map<String, Object> row : db.rows(sql)) {
            figures.put(
                    row.get("currency").toString(),
                    List.of("orders", "gross", "refunds", "net", "units").stream()
                            .map(column -> ((Number) row.get(column)).longValue())
                            .toList());
        }
        return figures;
    }

    private long pendingRefunds() {
        return platform.ordersDb().count("select count(*) from refund_request where state <> 'DONE'");
    }

    /** Every projection's content, hashed in a fixed order (as the service's IngestTest does). */
    private String fingerprint() {
        var parts = new ArrayList<Object>();
        for (String table : PROJECTIONS) {
            parts.add(table);
            parts.addAll(platform.analyticsDb()
                    .rows("select count(*) as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h"
                            + " from " + table + " t")
                    .getFirst()
                    .values());
        }
        return parts.toString();
    }

    private static void awaitDone(AtomicInteger done, int atLeast, List<Future<?>> lanes) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    for (Future<?> lane : lanes) {
                        if (lane.isDone()) {
                            get(lane); // a lane that failed fails the test now, with its cause
                        }
                    }
                    return done.get() >= atLeast;
                });
    }

    private static void get(Future<?> lane) {
        try {
            lane.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
