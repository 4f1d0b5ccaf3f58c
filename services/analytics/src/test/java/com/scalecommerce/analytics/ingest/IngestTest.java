package com.scalecommerce.analytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.scalecommerce.analytics.Events;
import com.scalecommerce.platform.events.CloudEvent;
import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class IngestTest {

    @Inject
    RedisDataSource redis;

    @Inject
    AgroalDataSource db;

    @Inject
    Replay replay;

    @Inject
    Projections projections;

    @Test
    void eachEventCountsOnceEvenWhenDeliveredAgainAndArrivingOutOfOrder() throws SQLException {
        var events = new Events(redis);
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        Instant t = Instant.parse("2026-11-20T10:00:00Z");

        // paid arrives before placed; the refund is delivered three times.
        events.publish(
                "orders",
                "order.paid",
                order.toString(),
                t.plusSeconds(5),
                Events.paid(order, customer, 5490, List.of(Events.line(product, "MUG-1", 2, 2500))));
        events.publish(
                "orders", "order.placed", order.toString(), t, Events.order(order, customer, 5490, "PENDING_PAYMENT"));
        var refundData =
                new java.util.HashMap<String, Object>(Events.order(order, customer, 5490, "PARTIALLY_REFUNDED"));
        refundData.put("amountMinor", 1000);
        CloudEvent refund = events.publish("orders", "order.refunded", order.toString(), t.plusSeconds(60), refundData);
        events.send("orders", refund);
        events.send("orders", refund);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(row(
                            "select status, total_minor, refunded_minor, placed_at is not null, paid_at is not null"
                                    + " from fact_order where order_id = ?",
                            order))
                    .containsExactly("PARTIALLY_REFUNDED", 5490L, 1000L, true, true);
        });
        assertThat(row("select count(*), sum(quantity) from fact_order_line where order_id = ?", order))
                .containsExactly(1L, 2L);
        assertThat(row("select count(*) from event_log where subject = ?", order.toString()))
                .containsExactly(3L);
        // The raw log's key alone kept the refund's copies out (EventIngest.deduplicatesItself): the platform's
        // dedupe table holds nothing for analytics.
        assertThat(row(
                        "select count(*) from processed_event where consumer_group = ? and event_id = ?",
                        EventIngest.CONSUMER_GROUP,
                        refund.id()))
                .containsExactly(0L);
    }

    /**
     * Live, events are applied in reads of whatever size the streams give (EventIngest.handleAll); a replay applies
     * the log in chunks of 2,000: other batches, the same tables.
     */
    @Test
    void aReplayOfTheRawLogRebuildsIdenticalTables() throws SQLException {
        var events = new Events(redis);
        Instant t = Instant.parse("2026-11-21T09:00:00Z");
        for (int i = 0; i < 20; i++) {
            UUID order = UUID.randomUUID();
            UUID product = UUID.randomUUID();
            events.publish(
                    "orders",
                    "order.placed",
                    order.toString(),
                    t.plusSeconds(i),
                    Events.order(order, null, 1000 + i, "PENDING_PAYMENT"));
            events.publish(
                    "orders",
                    "order.paid",
                    order.toString(),
                    t.plusSeconds(i + 1),
                    Events.paid(order, null, 1000 + i, List.of(Events.line(product, "SKU-" + i, 1, 1000 + i))));
            events.publish(
                    "orders",
                    "cart.item_added",
                    "g:cart" + i,
                    t.plusSeconds(i),
                    Map.of("cartId", "g:cart" + i, "sku", "SKU-" + i, "productId", product, "quantity", 1));
            events.publish(
                    "web",
                    "product.viewed",
                    product.toString(),
                    t.plusSeconds(i),
                    Map.of("productId", product, "sessionId", "s" + (i % 3)));
            events.publish(
                    "products",
                    "search.performed",
                    null,
                    t.plusSeconds(i),
                    Map.of("query", i % 2 == 0 ? "  Red  Mug " : "nothing-here", "resultCount", i % 2 == 0 ? 3 : 0));
            events.publish(
                    "products",
                    "inventory.adjusted",
                    "SKU-" + i,
                    t.plusSeconds(i),
                    Map.of(
                            "sku",
                            "SKU-" + i,
                            "productId",
                            product,
                            "delta",
                            -1,
                            "onHand",
                            9,
                            "reserved",
                            0,
                            "available",
                            9));
        }
        // Bounded to this test's day: other test classes share the database and publish in later years.
        var day = new Object[] {java.sql.Timestamp.from(t), java.sql.Timestamp.from(t.plus(Duration.ofDays(1)))};
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(row("select count(*) from fact_search where at >= ? and at < ?", day))
                        .containsExactly(20L));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () -> assertThat(row("select count(*) from fact_order where paid_at >= ? and paid_at < ?", day))
                                .containsExactly(20L));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(row(
                                "select count(*) filter (where kind = 'VIEW'), count(*) filter (where kind = 'CART_ADD')"
                                        + " from fact_behaviour where at >= ? and at < ?",
                                day))
                        .containsExactly(20L, 20L));
        String before = fingerprint();

        Replay.Result result = replay.rebuild();

        assertThat(result.events()).isGreaterThanOrEqualTo(120);
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(row("select count(*) from fact_search where query = 'red mug'"))
                .containsExactly(10L);
    }

    /**
     * A live read goes to the raw log and the behaviour facts in one statement each: every new event once, in the
     * read's order, its time exact to the microsecond; a copy already logged, or repeated in the same read, is left
     * out and applied to nothing.
     */
    @Test
    void aReadIsLoggedOnceEachInItsOrderWithExactTimesAndItsBehaviourFacts() throws SQLException {
        UUID product = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-22T08:30:00.123456Z");
        CloudEvent earlier = at("web", "product.viewed", at, Map.of("productId", product, "sessionId", "s-1"));
        CloudEvent view = at(
                "web",
                "product.viewed",
                at.plusNanos(1_000),
                Map.of("productId", product, "sessionId", "s-2", "userId", customer));
        CloudEvent add = at(
                "orders",
                "cart.item_added",
                at.plusSeconds(1),
                Map.of("cartId", "c:" + customer, "productId", product, "sku", "RED-1", "quantity", 2));
        try (var connection = db.getConnection()) {
            assertThat(RawLog.appendAll(connection, List.of(earlier))).containsExactly(earlier);
            List<CloudEvent> added = RawLog.appendAll(connection, List.of(view, earlier, add, view));

            assertThat(added).containsExactly(view, add);
            projections.applyAll(connection, added.stream().map(RawLog::entry).toList());
        }

        assertThat(row(
                        "select string_agg(event_id, ',' order by seq), count(*) from event_log where event_id in (?, ?, ?)",
                        earlier.id().toString(),
                        view.id().toString(),
                        add.id().toString()))
                .containsExactly(earlier.id() + "," + view.id() + "," + add.id(), 3L);
        assertThat(row(
                        "select occurred_at = ?::timestamptz, data ->> 'sessionId' from event_log where event_id = ?",
                        "2026-11-22T08:30:00.123457Z",
                        view.id().toString()))
                .containsExactly(true, "s-2");
        assertThat(row(
                        "select kind, session_key, user_id, product_id, sku, quantity, order_id, at = ?::timestamptz"
                                + " from fact_behaviour where event_id = ?",
                        "2026-11-22T08:30:00.123457Z",
                        view.id().toString()))
                .containsExactly("VIEW", "s-2", customer, product, null, null, null, true);
        assertThat(row(
                        "select kind, session_key, user_id, product_id, sku, quantity from fact_behaviour where event_id = ?",
                        add.id().toString()))
                .containsExactly("CART_ADD", "c:" + customer, null, product, "RED-1", 2L);
    }

    private static CloudEvent at(String source, String type, Instant time, Object data) {
        CloudEvent base = CloudEvent.of(source, type, null, data);
        return new CloudEvent(
                base.specVersion(), base.id(), source, type, time, null, base.dataContentType(), base.data());
    }

    /** Every projection's full content, hashed in a fixed order. */
    private String fingerprint() throws SQLException {
        var parts = new ArrayList<Object>();
        for (String table : Replay.PROJECTIONS.split(",\\s*")) {
            parts.addAll(row("select count(*), coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
                    + table + " t"));
        }
        return parts.toString();
    }

    private List<Object> row(String sql, Object... params) throws SQLException {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            try (var rows = query.executeQuery()) {
                rows.next();
                var values = new ArrayList<Object>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    Object v = rows.getObject(i);
                    values.add(
                            v instanceof Integer n
                                    ? n.longValue()
                                    : v instanceof java.math.BigDecimal b ? b.longValue() : v);
                }
                return values;
            }
        }
    }
}
