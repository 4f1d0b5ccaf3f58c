package com.scalecommerce.analytics;

import com.scalecommerce.platform.events.CloudEvent;
import io.quarkus.redis.datasource.RedisDataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes events onto the services' streams exactly as the outbox relay does (field "event", CloudEvents JSON). */
public final class Events {

    private final RedisDataSource redis;

    public Events(RedisDataSource redis) {
        this.redis = redis;
    }

    public CloudEvent publish(String service, String type, String subject, Instant at, Object data) {
        CloudEvent base = CloudEvent.of(service, type, subject, data);
        CloudEvent event = new CloudEvent(
                base.specVersion(), base.id(), base.source(), type, at, subject, base.dataContentType(), base.data());
        send(service, event);
        return event;
    }

    /** The same event again, as a redelivery or a duplicate injected into the stream would be. */
    public void send(String service, CloudEvent event) {
        redis.stream(String.class).xadd("events:" + service, Map.of("event", event.toJson()));
    }

    public static Map<String, Object> order(UUID orderId, UUID userId, long totalMinor, String status) {
        var data = new java.util.HashMap<String, Object>();
        data.put("orderId", orderId);
        data.put("number", Math.abs(orderId.getMostSignificantBits() % 1_000_000));
        if (userId != null) {
            data.put("userId", userId);
        }
        data.put("currency", "USD");
        data.put("totalMinor", totalMinor);
        data.put("status", status);
        return data;
    }

    public static Map<String, Object> line(UUID productId, String sku, int quantity, long unitPriceMinor) {
        return Map.of("productId", productId, "sku", sku, "quantity", quantity, "unitPriceMinor", unitPriceMinor);
    }

    public static Map<String, Object> paid(
            UUID orderId, UUID userId, long totalMinor, List<Map<String, Object>> lines) {
        var data = order(orderId, userId, totalMinor, "PAID");
        data.put("lines", lines);
        return data;
    }
}
