package com.scalecommerce.orders.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalecommerce.platform.events.Outbox;
import com.scalecommerce.platform.web.paging.CreatedCursor;
import com.scalecommerce.platform.web.paging.Page;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The order record and its lifecycle. Every status change is one transaction holding a conditional update
 * ({@code where id = ? and status = ?}: of two concurrent transitions from one status only one can win), a timeline
 * row and an outbox event.
 */
@ApplicationScoped
public class Orders {

    private static final String UNIQUE_VIOLATION = "23505";

    private final AgroalDataSource db;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Event<OrderCancelled> cancelled;
    private final Event<OrderRefundRequested> refundRequested;

    Orders(
            AgroalDataSource db,
            Outbox outbox,
            ObjectMapper json,
            Event<OrderCancelled> cancelled,
            Event<OrderRefundRequested> refundRequested) {
        this.db = db;
        this.outbox = outbox;
        this.json = json;
        this.cancelled = cancelled;
        this.refundRequested = refundRequested;
    }

    /** Records a fully priced order in PENDING_PAYMENT; the saga calls {@link #placed} once it is committed to. */
    @Transactional
    public Order create(NewOrder order, Actor actor) {
        UUID id = UUID.randomUUID();
        try (var connection = db.getConnection()) {
            try (var insert = connection.prepareStatement(
                    "insert into customer_order (id, user_id, email, status,"
                            + " currency, subtotal_minor, discount_minor, shipping_minor, tax_minor, total_minor,"
                            + " shipping_address, billing_address, shipping_method, idempotency_key, request_hash)"
                            + " values (?, ?, ?, 'PENDING_PAYMENT', ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?)")) {
                insert.setObject(1, id);
                insert.setObject(2, order.userId());
                insert.setString(3, order.email());
                insert.setString(4, order.currency());
                insert.setLong(5, order.subtotalMinor());
                insert.setLong(6, order.discountMinor());
                insert.setLong(7, order.shippingMinor());
                insert.setLong(8, order.taxMinor());
                insert.setLong(9, order.totalMinor());
                insert.setString(10, text(order.shippingAddress()));
                insert.setString(11, text(order.billingAddress()));
                insert.setString(12, order.shippingMethod());
                insert.setString(13, order.idempotencyKey());
                insert.setString(14, order.requestHash());
                insert.executeUpdate();
            }
            try (var insert = connection.prepareStatement("insert into order_line (id, order_id, position, sku,"
                    + " product_id, name, options, unit_price_minor, quantity, line_total_minor, tax_minor,"
                    + " discount_minor) values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)")) {
                int position = 0;
                for (NewOrder.Line line : order.lines()) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, id);
                    insert.setInt(3, position++);
                    insert.setString(4, line.sku());
                    insert.setObject(5, line.productId());
                    insert.setString(6, line.name());
                    insert.setString(7, line.options() == null ? "{}" : text(line.options()));
                    insert.setLong(8, line.unitPriceMinor());
                    insert.setInt(9, line.quantity());
                    insert.setLong(10, line.lineTotalMinor());
                    insert.setLong(11, line.taxMinor());
                    insert.setLong(12, line.discountMinor());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            timeline(connection, id, actor, null, OrderStatus.PENDING_PAYMENT, "Order created", Map.of());
            return load(connection, id, false).orElseThrow();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw ProblemException.conflict(
                        "IDEMPOTENCY_KEY_REUSED", "An order with this idempotency key already exists.");
            }
            throw new IllegalStateException(e);
        }
    }

    /** Emits {@code order.placed} (the saga calls it once the order exists and payment starts). */
    @Transactional
    public void placed(UUID orderId) {
        Order order = get(orderId);
        outbox.append("order.placed", orderId.toString(), eventData(order));
    }

    /**
     * {@code order.paid} carries the lines (product, SKU, quantity, price; no personal data): products marks
     * verified buyers from it and analytics counts sales per product.
     */
    @Transactional
    public Order paid(UUID orderId, Actor actor) {
        Order order = get(orderId);
        List<Map<String, Object>> lines = order.lines() == null
                ? List.of()
                : order.lines().stream()
                        .map(line -> Map.<String, Object>of(
                                "productId", line.productId(),
                                "sku", line.sku(),
                                "quantity", line.quantity(),
                                "unitPriceMinor", line.unitPriceMinor()))
                        .toList();
        return move(order, OrderStatus.PAID, actor, null, Map.of(), "order.paid", Map.of("lines", lines));
    }

    @Transactional
    public Order paymentFailed(UUID orderId, Actor actor, String reason) {
        return move(orderId, OrderStatus.PAYMENT_FAILED, actor, reason, Map.of(), null, null);
    }

    @Transactional
    public Order rejected(UUID orderId, Actor actor, String reason) {
        return move(orderId, OrderStatus.REJECTED, actor, reason, Map.of(), null, null);
    }

    @Transactional
    public Order fulfil(UUID orderId, Actor actor) {
        return move(orderId, OrderStatus.FULFILLING, actor, null, Map.of(), null, null);
    }

    @Transactional
    public Order ship(UUID orderId, Actor actor, String carrier, String trackingNumber) {
        Map<String, Object> facts = Map.of("carrier", carrier, "trackingNumber", trackingNumber);
        return move(orderId, OrderStatus.SHIPPED, actor, null, facts, "order.shipped", facts);
    }

    @Transactional
    public Order deliver(UUID orderId, Actor actor) {
        return move(orderId, OrderStatus.DELIVERED, actor, null, Map.of(), null, null);
    }

    /** Cancels from any status that allows it; the saga observes {@link OrderCancelled} to release or refund. */
    @Transactional
    public Order cancel(UUID orderId, Actor actor, String reason) {
        Order before = get(orderId);
        boolean wasPaid = before.status() != OrderStatus.PENDING_PAYMENT;
        // refundMinor: what goes back to the customer, so analytics can deduct it from revenue without asking.
        Order after = move(
                before,
                OrderStatus.CANCELLED,
                actor,
                reason,
                Map.of(),
                "order.cancelled",
                Map.of(
                        "reason",
                        "" + reason,
                        "refundMinor",
                        wasPaid ? before.totalMinor() - before.refundedMinor() : 0));
        if (wasPaid) {
            // The money goes back (SagaObservers owes the refund in this transaction): the order says so too.
            after = refundedInFull(orderId);
        }
        cancelled.fire(new OrderCancelled(
                orderId,
                before.status(),
                wasPaid,
                wasPaid ? before.totalMinor() - before.refundedMinor() : 0,
                actor.value()));
        return after;
    }

    private Order refundedInFull(UUID orderId) {
        try (var connection = db.getConnection();
                var update = connection.prepareStatement(
                        "update customer_order set refunded_minor = total_minor, updated_at = now() where id = ?")) {
            update.setObject(1, orderId);
            update.executeUpdate();
            return load(connection, orderId, false).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A customer's cancel: only their own order (else 404) and only before fulfilment. */
    @Transactional
    public Order cancelByCustomer(UUID orderId, UUID customerId) {
        Order order = ownedBy(orderId, customerId);
        if (!OrderTransitions.cancellableByCustomer(order.status())) {
            throw OrderTransitions.illegal(order.status(), OrderStatus.CANCELLED);
        }
        return cancel(orderId, Actor.customer(customerId), "Cancelled by the customer");
    }

    /**
     * Records a refund of {@code amountMinor} (null: everything not yet refunded), bounded by paid minus refunded.
     * The gateway call is wired later through {@link OrderRefundRequested}.
     */
    @Transactional
    public Order refund(UUID orderId, Actor actor, Long amountMinor) {
        Order order = get(orderId);
        // A status that cannot be refunded at all is a 409, whatever the amount.
        OrderTransitions.require(order.status(), OrderStatus.REFUNDED);
        long refundable = order.totalMinor() - order.refundedMinor();
        long amount = amountMinor == null ? refundable : amountMinor;
        if (amount <= 0 || amount > refundable) {
            throw ProblemException.invalidField("amountMinor", "must be between 1 and " + refundable);
        }
        OrderStatus to = amount == refundable ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
        OrderTransitions.require(order.status(), to);
        try (var connection = db.getConnection();
                var update = connection.prepareStatement("update customer_order set status = ?,"
                        + " refunded_minor = refunded_minor + ?, updated_at = now()"
                        + " where id = ? and status = ? and refunded_minor = ?")) {
            update.setString(1, to.name());
            update.setLong(2, amount);
            update.setObject(3, orderId);
            update.setString(4, order.status().name());
            update.setLong(5, order.refundedMinor());
            if (update.executeUpdate() == 0) {
                throw ProblemException.conflict("ORDER_CHANGED", "The order changed meanwhile; reload and retry.");
            }
            Map<String, Object> facts = Map.of("amountMinor", amount, "currency", order.currency());
            timeline(connection, orderId, actor, order.status(), to, "Refund requested", facts);
            outbox.append(
                    "order.refunded",
                    orderId.toString(),
                    Map.of(
                            "orderId",
                            orderId,
                            "amountMinor",
                            amount,
                            "currency",
                            order.currency(),
                            "refundedMinor",
                            order.refundedMinor() + amount,
                            "status",
                            to.name()));
            refundRequested.fire(new OrderRefundRequested(
                    orderId, amount, order.refundedMinor() + amount, order.currency(), actor.value()));
            return load(connection, orderId, false).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A timeline entry without a status change. */
    @Transactional
    public Order note(UUID orderId, Actor actor, String text) {
        get(orderId);
        try (var connection = db.getConnection()) {
            timeline(connection, orderId, actor, null, null, text, Map.of());
            return load(connection, orderId, true).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Order get(UUID orderId) {
        return find(orderId, false).orElseThrow(Orders::notFound);
    }

    public Optional<Order> find(UUID orderId) {
        return find(orderId, false);
    }

    public Order withTimeline(UUID orderId) {
        return find(orderId, true).orElseThrow(Orders::notFound);
    }

    /** Anyone else's order is reported as missing, so ids of other customers' orders cannot be probed. */
    public Order ownedBy(UUID orderId, UUID customerId) {
        Order order = get(orderId);
        if (!customerId.equals(order.userId())) {
            throw notFound();
        }
        return order;
    }

    Page<Order> ofCustomer(UUID customerId, CreatedCursor after, int limit) {
        return list(new OrderFilter(null, null, null, customerId, null, null, null), after, limit);
    }

    /** Newest first; the cursor points after the last row kept, in (created_at, id) descending order. */
    Page<Order> list(OrderFilter filter, CreatedCursor after, int limit) {
        var sql = new StringBuilder("select " + OrderRows.COLUMNS + " from customer_order where true");
        var params = new ArrayList<Object>();
        if (filter.status() != null) {
            sql.append(" and status = ?");
            params.add(filter.status().name());
        }
        if (filter.from() != null) {
            sql.append(" and created_at >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and created_at < ?");
            params.add(filter.to());
        }
        if (filter.customerId() != null) {
            sql.append(" and user_id = ?");
            params.add(filter.customerId());
        }
        if (filter.email() != null) {
            sql.append(" and lower(email) = lower(?)");
            params.add(filter.email());
        }
        if (filter.minTotalMinor() != null) {
            sql.append(" and total_minor >= ?");
            params.add(filter.minTotalMinor());
        }
        if (filter.maxTotalMinor() != null) {
            sql.append(" and total_minor <= ?");
            params.add(filter.maxTotalMinor());
        }
        if (after != null) {
            sql.append(" and (created_at, id) < (?, ?)");
            params.add(after.createdAt());
            params.add(after.id());
        }
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit + 1);
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                query.setObject(i + 1, params.get(i));
            }
            var orders = new ArrayList<Order>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    orders.add(OrderRows.read(rows, json));
                }
            }
            return Page.of(orders, limit, last -> new CreatedCursor(last.createdAt(), last.id()).encode());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Order move(
            UUID orderId,
            OrderStatus to,
            Actor actor,
            String note,
            Map<String, Object> timelineData,
            String eventType,
            Map<String, Object> eventFacts) {
        return move(get(orderId), to, actor, note, timelineData, eventType, eventFacts);
    }

    private Order move(
            Order order,
            OrderStatus to,
            Actor actor,
            String note,
            Map<String, Object> timelineData,
            String eventType,
            Map<String, Object> eventFacts) {
        OrderTransitions.require(order.status(), to);
        try (var connection = db.getConnection();
                var update = connection.prepareStatement("update customer_order set status = ?, updated_at = now(),"
                        + " carrier = coalesce(?, carrier), tracking_number = coalesce(?, tracking_number)"
                        + " where id = ? and status = ?")) {
            update.setString(1, to.name());
            update.setObject(2, timelineData.get("carrier"));
            update.setObject(3, timelineData.get("trackingNumber"));
            update.setObject(4, order.id());
            update.setString(5, order.status().name());
            if (update.executeUpdate() == 0) {
                // Someone else moved it first: answer as for the status it has now.
                OrderStatus now =
                        load(connection, order.id(), false).orElseThrow().status();
                throw OrderTransitions.illegal(now, to);
            }
            timeline(connection, order.id(), actor, order.status(), to, note, timelineData);
            if (eventType != null) {
                Map<String, Object> data = new LinkedHashMap<>(eventData(order));
                data.put("from", order.status().name());
                data.put("status", to.name());
                if (eventFacts != null) {
                    data.putAll(eventFacts);
                }
                outbox.append(eventType, order.id().toString(), data);
            }
            return load(connection, order.id(), false).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ids and amounts only: no email or address leaves through events. */
    private static Map<String, Object> eventData(Order order) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order.id());
        data.put("number", order.number());
        if (order.userId() != null) {
            data.put("userId", order.userId());
        }
        data.put("currency", order.currency());
        data.put("totalMinor", order.totalMinor());
        return data;
    }

    private void timeline(
            Connection connection,
            UUID orderId,
            Actor actor,
            OrderStatus from,
            OrderStatus to,
            String note,
            Map<String, Object> data)
            throws SQLException {
        try (var insert = connection.prepareStatement("insert into order_event (order_id, actor, from_status,"
                + " to_status, note, data) values (?, ?, ?, ?, ?, cast(? as jsonb))")) {
            insert.setObject(1, orderId);
            insert.setString(2, actor.value());
            insert.setString(3, from == null ? null : from.name());
            insert.setString(4, to == null ? null : to.name());
            insert.setString(5, note);
            insert.setString(6, text(data));
            insert.executeUpdate();
        }
    }

    private Optional<Order> find(UUID orderId, boolean withTimeline) {
        try (var connection = db.getConnection()) {
            return load(connection, orderId, withTimeline);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Order> load(Connection connection, UUID orderId, boolean withTimeline) throws SQLException {
        Order order;
        try (var query =
                connection.prepareStatement("select " + OrderRows.COLUMNS + " from customer_order where id = ?")) {
            query.setObject(1, orderId);
            try (var rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                order = OrderRows.read(rows, json);
            }
        }
        var lines = new ArrayList<Order.Line>();
        try (var query = connection.prepareStatement("select sku, product_id, name, options::text, unit_price_minor,"
                + " quantity, line_total_minor, tax_minor, discount_minor from order_line where order_id = ?"
                + " order by position")) {
            query.setObject(1, orderId);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    lines.add(new Order.Line(
                            rows.getString(1),
                            rows.getObject(2, UUID.class),
                            rows.getString(3),
                            OrderRows.tree(json, rows.getString(4)),
                            rows.getLong(5),
                            rows.getInt(6),
                            rows.getLong(7),
                            rows.getLong(8),
                            rows.getLong(9)));
                }
            }
        }
        List<Order.TimelineEntry> entries = null;
        if (withTimeline) {
            entries = new ArrayList<>();
            try (var query = connection.prepareStatement("select at, actor, from_status, to_status, note, data::text"
                    + " from order_event where order_id = ? order by id")) {
                query.setObject(1, orderId);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new Order.TimelineEntry(
                                rows.getObject(1, java.time.OffsetDateTime.class),
                                rows.getString(2),
                                status(rows.getString(3)),
                                status(rows.getString(4)),
                                rows.getString(5),
                                OrderRows.tree(json, rows.getString(6))));
                    }
                }
            }
        }
        return Optional.of(order.with(List.copyOf(lines), entries));
    }

    private static OrderStatus status(String value) {
        return value == null ? null : OrderStatus.valueOf(value);
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("ORDER_NOT_FOUND", "No order has this id.");
    }
}
