package com.scalecommerce.analytics.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalecommerce.platform.events.CloudEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The raw event log: {@code event_log}, append-only, one row per event id. */
final class RawLog {

    /** An event as the projections read it, whether it arrives live or from the log during a replay. */
    record Entry(String id, String type, String subject, Instant at, JsonNode data) {}

    private RawLog() {}

    /** False when the event is already in the log: a duplicate delivery, or a copy injected into a stream. */
    static boolean append(Connection connection, CloudEvent event) throws SQLException {
        try (var insert = connection.prepareStatement("insert into event_log (event_id, type, source, subject,"
                + " occurred_at, data) values (?, ?, ?, ?, ?, cast(? as jsonb)) on conflict (event_id) do nothing")) {
            insert.setString(1, event.id().toString());
            insert.setString(2, event.type());
            insert.setString(3, event.source());
            insert.setString(4, event.subject());
            insert.setTimestamp(5, Timestamp.from(event.time()));
            insert.setString(6, event.data() == null ? "null" : event.data().toString());
            return insert.executeUpdate() == 1;
        }
    }

    static Entry entry(CloudEvent event) {
        return new Entry(event.id().toString(), event.type(), event.subject(), event.time(), event.data());
    }
}
