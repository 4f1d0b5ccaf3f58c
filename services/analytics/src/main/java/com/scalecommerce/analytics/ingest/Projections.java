package com.scalecommerce.analytics.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Turns events into the fact and dimension tables the dashboards read. Each event's effect is idempotent and
 * independent of arrival order (upserts guarded by event time, one row per event id for additive facts), so a
 * replay of the raw log in log order rebuilds exactly the tables the live stream built.
 */
@ApplicationScoped
public class Projections {

    static final Set<String> TYPES = Set.of(
            "user.registered",
            "product.created",
            "product.updated",
            "product.viewed",
            "search.performed",
            "inventory.adjusted",
            "inventory.low",
            "cart.item_added",
            "checkout.started",
            "order.placed",
            "order.paid",
            "order.cancelled",
            "order.shipped",
            "order.refunded");

    private static final Set<String> BEHAVIOUR_TYPES = Set.of("product.viewed", "cart.item_added", "checkout.started");
    /** Every behaviour fact of a batch in one statement, its columns passed as arrays, as RawLog appends. */
    private static final String BEHAVIOUR = "insert into fact_behaviour (event_id, kind, session_key, user_id,"
            + " product_id, sku, quantity, order_id, at)"
            + " select * from unnest(?::text[], ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::int[],"
            + " ?::uuid[], ?::text[]::timestamptz[]) on conflict do nothing";

    /** A shopper's step toward a purchase: one row per event, whatever its kind. */
    private record Behaviour(
            String eventId,
            String kind,
            String sessionKey,
            UUID userId,
            UUID productId,
            String sku,
            Integer quantity,
            UUID orderId,
            Instant at) {}

    /**
     * Applies log entries in order: live, a read from the streams; in a replay, a chunk of the log. The behaviour
     * facts (views, cart adds, checkouts: most of a busy shop's events) go in one statement at the end: each is one
     * row of its own, independent of every other projection, so applying them after the batch's other events gives
     * the same tables.
     */
    void applyAll(Connection c, List<RawLog.Entry> entries) throws SQLException {
        List<Behaviour> behaviour = new ArrayList<>(entries.size());
        for (RawLog.Entry e : entries) {
            if (BEHAVIOUR_TYPES.contains(e.type())) {
                behaviour.add(behaviour(e));
            } else {
                apply(c, e);
            }
        }
        if (!behaviour.isEmpty()) {
            insertBehaviour(c, behaviour);
        }
    }

    private static void insertBehaviour(Connection c, List<Behaviour> rows) throws SQLException {
        try (var insert = c.prepareStatement(BEHAVIOUR)) {
            insert.setArray(1, c.createArrayOf("text", column(rows, Behaviour::eventId, String[]::new)));
            insert.setArray(2, c.createArrayOf("text", column(rows, Behaviour::kind, String[]::new)));
            insert.setArray(3, c.createArrayOf("text", column(rows, Behaviour::sessionKey, String[]::new)));
            insert.setArray(4, c.createArrayOf("uuid", column(rows, Behaviour::userId, UUID[]::new)));
            insert.setArray(5, c.createArrayOf("uuid", column(rows, Behaviour::productId, UUID[]::new)));
            insert.setArray(6, c.createArrayOf("text", column(rows, Behaviour::sku, String[]::new)));
            insert.setArray(7, c.createArrayOf("int4", column(rows, Behaviour::quantity, Integer[]::new)));
            insert.setArray(8, c.createArrayOf("uuid", column(rows, Behaviour::orderId, UUID[]::new)));
            // ISO-8601 instants, cast by PostgreSQL: exact to the microsecond and independent of time zones.
            insert.setArray(9, c.createArrayOf("text", column(rows, r -> r.at().toString(), String[]::new)));
            insert.executeUpdate();
        }
    }

    private static <T> T[] column(
            List<Behaviour> rows, Function<Behaviour, ? extends T> value, IntFunction<T[]> array) {
        T[] column = array.apply(rows.size());
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(rows.get(i));
        }
        return column;
    }

    /** Every projection but the behaviour facts, which {@link #applyAll} batches. */
    private void apply(Connection c, RawLog.Entry e) throws SQLException {
        JsonNode d = e.data();
        Timestamp at = Timestamp.from(e.at());
        switch (e.type()) {
            case "user.registered" ->
                run(
                        c,
                        "insert into dim_customer (user_id, registered_at) values (?, ?) on conflict (user_id)"
                                + " do update set registered_at = excluded.registered_at",
                        uuid(d, "userId"),
                        at);
            case "product.created", "product.updated" -> product(c, d, at);
            case "inventory.adjusted", "inventory.low" ->
                run(
                        c,
                        "insert into fact_stock (sku, product_id, on_hand, reserved, available, low_stock_threshold,"
                                + " as_of) values (?, ?, ?, ?, ?, ?, ?) on conflict (sku) do update set"
                                + " product_id = excluded.product_id, on_hand = excluded.on_hand,"
                                + " reserved = excluded.reserved, available = excluded.available,"
                                + " low_stock_threshold = coalesce(excluded.low_stock_threshold,"
                                + " fact_stock.low_stock_threshold), as_of = excluded.as_of"
                                + " where fact_stock.as_of <= excluded.as_of",
                        text(d, "sku"),
                        uuid(d, "productId"),
                        d.path("onHand").asInt(),
                        d.path("reserved").asInt(0),
                        d.path("available").asInt(),
                        d.has("lowStockThreshold") ? d.path("lowStockThreshold").asInt() : null,
                        at);
            case "search.performed" ->
                run(
                        c,
                        "insert into fact_search (event_id, query, result_count, session_key, at)"
                                + " values (?, ?, ?, ?, ?) on conflict do nothing",
                        e.id(),
                        normalizedQuery(text(d, "query")),
                        d.path("resultCount").asLong(),
                        text(d, "sessionId"),
                        at);
            case "order.placed" -> order(c, d, at, "placed_at");
            case "order.paid" -> {
                order(c, d, at, "paid_at");
                for (JsonNode line : d.path("lines")) {
                    run(
                            c,
                            "insert into fact_order_line (order_id, sku, product_id, quantity, unit_price_minor)"
                                    + " values (?, ?, ?, ?, ?) on conflict do nothing",
                            uuid(d, "orderId"),
                            text(line, "sku"),
                            uuid(line, "productId"),
                            line.path("quantity").asInt(),
                            line.path("unitPriceMinor").asLong());
                }
            }
            case "order.shipped" -> order(c, d, at, null);
            case "order.cancelled" -> {
                order(c, d, at, "cancelled_at");
                long refund = d.path("refundMinor").asLong(0);
                if (refund > 0) {
                    refund(c, e, d, refund, at);
                }
            }
            case "order.refunded" -> {
                order(c, d, at, null);
                refund(c, e, d, d.path("amountMinor").asLong(), at);
            }
            default -> {}
        }
    }

    /** Search analytics groups what people typed, not how they typed it. */
    static String normalizedQuery(String query) {
        return query == null ? "" : query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static void order(Connection c, JsonNode d, Timestamp at, String moment) throws SQLException {
        String status = d.path("status").asText(null);
        String momentColumn = moment == null ? "" : ", " + moment;
        String momentValue = moment == null ? "" : ", ?";
        String momentUpdate = moment == null
                ? ""
                : ", " + moment + " = coalesce(least(fact_order." + moment + ", excluded." + moment + "), excluded."
                        + moment + ")";
        Object[] params = moment == null
                ? new Object[] {
                    uuid(d, "orderId"),
                    d.has("number") ? d.path("number").asLong() : null,
                    uuid(d, "userId"),
                    text(d, "currency"),
                    d.has("totalMinor") ? d.path("totalMinor").asLong() : null,
                    status,
                    status == null ? null : at
                }
                : new Object[] {
                    uuid(d, "orderId"),
                    d.has("number") ? d.path("number").asLong() : null,
                    uuid(d, "userId"),
                    text(d, "currency"),
                    d.has("totalMinor") ? d.path("totalMinor").asLong() : null,
                    status,
                    status == null ? null : at,
                    at
                };
        run(
                c,
                "insert into fact_order (order_id, number, user_id, currency, total_minor, status, status_at"
                        + momentColumn + ") values (?, ?, ?, ?, ?, ?, ?" + momentValue + ") on conflict (order_id)"
                        + " do update set number = coalesce(fact_order.number, excluded.number),"
                        + " user_id = coalesce(fact_order.user_id, excluded.user_id),"
                        + " currency = coalesce(fact_order.currency, excluded.currency),"
                        + " total_minor = coalesce(fact_order.total_minor, excluded.total_minor),"
                        + " status = case when excluded.status_at is not null and (fact_order.status_at is null"
                        + " or excluded.status_at >= fact_order.status_at) then excluded.status else fact_order.status"
                        + " end,"
                        + " status_at = greatest(fact_order.status_at, excluded.status_at)"
                        + momentUpdate,
                params);
    }

    private static void refund(Connection c, RawLog.Entry e, JsonNode d, long amount, Timestamp at)
            throws SQLException {
        run(
                c,
                "insert into fact_refund (event_id, order_id, currency, amount_minor, refunded_at)"
                        + " values (?, ?, ?, ?, ?) on conflict do nothing",
                e.id(),
                uuid(d, "orderId"),
                text(d, "currency"),
                amount,
                at);
        run(
                c,
                "update fact_order set refunded_minor = (select coalesce(sum(amount_minor), 0) from fact_refund"
                        + " where order_id = ?) where order_id = ?",
                uuid(d, "orderId"),
                uuid(d, "orderId"));
    }

    private static void product(Connection c, JsonNode d, Timestamp at) throws SQLException {
        UUID productId = uuid(d, "productId");
        var categories = new java.util.ArrayList<UUID>();
        for (JsonNode id : d.path("categoryIds")) {
            categories.add(UUID.fromString(id.asText()));
        }
        try (var upsert = c.prepareStatement("insert into dim_product (product_id, name, currency, category_ids,"
                + " status, as_of) values (?, ?, ?, ?, ?, ?) on conflict (product_id) do update set"
                + " name = excluded.name, currency = excluded.currency, category_ids = excluded.category_ids,"
                + " status = excluded.status, as_of = excluded.as_of where dim_product.as_of <= excluded.as_of")) {
            upsert.setObject(1, productId);
            upsert.setString(2, text(d, "name"));
            upsert.setString(3, text(d, "currency"));
            upsert.setArray(4, c.createArrayOf("uuid", categories.toArray()));
            upsert.setString(5, text(d, "status"));
            upsert.setTimestamp(6, at);
            upsert.executeUpdate();
        }
        for (JsonNode v : d.path("variants")) {
            run(
                    c,
                    "insert into dim_variant (sku, product_id, price_minor, as_of) values (?, ?, ?, ?)"
                            + " on conflict (sku) do update set product_id = excluded.product_id,"
                            + " price_minor = excluded.price_minor, as_of = excluded.as_of"
                            + " where dim_variant.as_of <= excluded.as_of",
                    text(v, "sku"),
                    productId,
                    v.path("priceMinor").asLong(),
                    at);
        }
    }

    private static Behaviour behaviour(RawLog.Entry e) {
        JsonNode d = e.data();
        return switch (e.type()) {
            case "product.viewed" ->
                new Behaviour(
                        e.id(),
                        "VIEW",
                        text(d, "sessionId"),
                        uuid(d, "userId"),
                        uuid(d, "productId"),
                        null,
                        null,
                        null,
                        e.at());
            case "cart.item_added" ->
                new Behaviour(
                        e.id(),
                        "CART_ADD",
                        text(d, "cartId"),
                        uuid(d, "userId"),
                        uuid(d, "productId"),
                        text(d, "sku"),
                        d.path("quantity").asInt(1),
                        null,
                        e.at());
            case "checkout.started" ->
                new Behaviour(
                        e.id(),
                        "CHECKOUT",
                        text(d, "cartId"),
                        uuid(d, "userId"),
                        null,
                        null,
                        d.path("itemCount").asInt(0),
                        uuid(d, "orderId"),
                        e.at());
            default -> throw new IllegalArgumentException(e.type() + " is not a behaviour event");
        };
    }

    private static void run(Connection c, String sql, Object... params) throws SQLException {
        try (var statement = c.prepareStatement(sql)) {
            bind(statement, params);
            statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                statement.setNull(i + 1, Types.OTHER);
            } else {
                statement.setObject(i + 1, params[i]);
            }
        }
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.path(field);
        return v.isMissingNode() || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    private static UUID uuid(JsonNode d, String field) {
        String v = text(d, field);
        if (v == null) {
            return null;
        }
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
