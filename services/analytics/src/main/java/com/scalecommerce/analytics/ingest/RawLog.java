package com.scalecommerce.analytics.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalecommerce.platform.events.CloudEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The raw event log: {@code event_log}, append-only, one row per event id. */
final class RawLog {

    /** An event as the projections read it, whether it arrives live or from the log during a replay. */
    record Entry(String id, String type, String subject, Instant at, JsonNode data) {}

    private RawLog() {}

    private static final String APPEND = "insert into event_log (event_id, type, source, subject, occurred_at, data)"
            + " values (?, ?, ?, ?, ?, cast(? as jsonb)) on conflict (event_id) do nothing";

    /**
     * Appends the events as one JDBC batch (one round trip). An event already in the log (a duplicate delivery, or
     * a copy injected into a stream) is left out.
     *
     * @return the events that were not in the log yet, in the given order
     */
    static List<CloudEvent> appendAll(Connection connection, List<CloudEvent> events) throws SQLException {
        try (var insert = connection.prepareStatement(APPEND)) {
            for (CloudEvent event : events) {
                bind(insert, event);
                insert.addBatch();
            }
            int[] inserted = insert.executeBatch();
            List<CloudEvent> added = new ArrayList<>(events.size());
            for (int i = 0; i < inserted.length; i++) {
                // One count per row, as pgjdbc reports unless the URL sets reWriteBatchedInserts; without counts
                // duplicates cannot be told apart, so the batch fails and its events go one by one.
                if (inserted[i] == Statement.SUCCESS_NO_INFO) {
                    throw new IllegalStateException("the JDBC driver reported no row counts for the raw-log batch");
                }
                if (inserted[i] == 1) {
                    added.add(events.get(i));
                }
            }
            return added;
        }
    }

    private static void bind(PreparedStatement insert, CloudEvent event) throws SQLException {
        insert.setString(1, event.id().toString());
        insert.setString(2, event.type());
        insert.setString(3, event.source());
        insert.setString(4, event.subject());
        insert.setTimestamp(5, Timestamp.from(event.time()));
        insert.setString(6, event.data() == null ? "null" : event.data().toString());
    }

    static Entry entry(CloudEvent event) {
        return new Entry(event.id().toString(), event.type(), event.subject(), event.time(), event.data());
    }
}
