package com.scalecommerce.platform.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** What the tests look at: the stream, the dead letters, the outbox and the handler's effect. */
@ApplicationScoped
class EventProbe {

    private final AgroalDataSource dataSource;
    private final StreamCommands<String, String, String> streams;

    EventProbe(AgroalDataSource dataSource, RedisDataSource redis) {
        this.dataSource = dataSource;
        this.streams = redis.stream(String.class);
    }

    /** The events on a stream, one element per entry, in stream order; entries that are no event are skipped. */
    List<CloudEvent> eventsOn(String stream) {
        return streams.xrange(stream, StreamRange.of("-", "+")).stream()
                .map(entry -> entry.payload().get(OutboxRelay.EVENT_FIELD))
                .flatMap(json -> {
                    try {
                        return Stream.of(CloudEvent.fromJson(json));
                    } catch (IllegalArgumentException notAnEvent) {
                        return Stream.empty();
                    }
                })
                .toList();
    }

    long timesOnStream(String stream, UUID eventId) {
        return eventsOn(stream).stream().filter(e -> e.id().equals(eventId)).count();
    }

    List<Map<String, String>> deadLetters(String group) {
        return streams.xrange(EventStreams.deadLetters(group), StreamRange.of("-", "+")).stream()
                .map(StreamMessage::payload)
                .toList();
    }

    /** Adds the event to the stream directly, bypassing the outbox, as a redelivery or a foreign producer would. */
    String addToStream(String stream, CloudEvent event) {
        return streams.xadd(stream, Map.of(OutboxRelay.EVENT_FIELD, event.toJson()));
    }

    int timesApplied(UUID eventId) {
        return queryInt("select coalesce(max(applied), 0) from test_effect where event_id = ?", eventId);
    }

    int timesLogged(UUID eventId) {
        return queryInt("select count(*) from test_keyed_log where event_id = ?", eventId);
    }

    /** How many events processed_event holds for the group. */
    int processedRecordsOf(String group) {
        return queryInt("select count(*) from processed_event where consumer_group = ?", group);
    }

    boolean recordedAsProcessed(String group, UUID eventId) {
        return queryInt(
                        "select count(*) from processed_event where event_id = ? and consumer_group = ?",
                        eventId,
                        group)
                == 1;
    }

    int outboxRows(UUID eventId) {
        return queryInt("select count(*) from outbox_event where event_id = ?", eventId);
    }

    boolean publishedInOutbox(UUID eventId) {
        return queryInt("select count(*) from outbox_event where event_id = ? and published_at is not null", eventId)
                == 1;
    }

    /** Rows marked in one relay transaction share its now(): distinct marks count the relay's transactions. */
    int relayTransactionsThatPublished(List<UUID> eventIds) {
        return queryInt("select count(distinct published_at) from outbox_event where event_id = any(?)", (Object)
                eventIds.toArray(UUID[]::new));
    }

    /** The same for a consumer group: dedupe records inserted in one transaction share its now(). */
    int consumerTransactionsThatApplied(String group, List<UUID> eventIds) {
        return queryInt(
                "select count(distinct processed_at) from processed_event where consumer_group = ? and event_id = any(?)",
                group,
                (Object) eventIds.toArray(UUID[]::new));
    }

    private int queryInt(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(
                        i + 1,
                        parameters[i] instanceof UUID[] ids ? connection.createArrayOf("uuid", ids) : parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
