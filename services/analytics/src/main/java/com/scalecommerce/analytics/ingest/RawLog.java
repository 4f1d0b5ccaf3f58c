package com.scalecommerce.analytics.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalecommerce.platform.events.CloudEvent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The raw event log: {@code event_log}, append-only, one row per event id. */
final class RawLog {

    /** An event as the projections read it, whether it arrives live or from the log during a replay. */
    record Entry(String id, String type, String subject, Instant at, JsonNode data) {}

    private RawLog() {}

    /**
     * The whole batch in one statement, its columns passed as arrays, in the given order (the log's {@code seq}
     * follows it). A JDBC batch ran one INSERT per event. With this and the behaviour facts' statement, a backlog of
     * 85,000 to 103,000 product views drained at 5,700 to 6,600 events/s instead of 5,300, PostgreSQL spending 91 to
     * 100 us per event instead of 113 to 116 (ad-hoc: two runs each, alternating, on the 2-core box; see the
     * analytics README).
     */
    private static final String APPEND = "insert into event_log (event_id, type, source, subject, occurred_at, data)"
            + " select e.id, e.type, e.source, e.subject, e.at, cast(e.data as jsonb)"
            + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]::timestamptz[], ?::text[])"
            + " with ordinality as e(id, type, source, subject, at, data, position) order by e.position"
            + " on conflict (event_id) do nothing returning event_id";

    /**
     * Appends the events in one statement (one round trip). An event already in the log (a duplicate delivery, or
     * a copy injected into a stream) is left out.
     *
     * @return the events that were not in the log yet, in the given order, each once
     */
    static List<CloudEvent> appendAll(Connection connection, List<CloudEvent> events) throws SQLException {
        int count = events.size();
        String[] ids = new String[count];
        String[] types = new String[count];
        String[] sources = new String[count];
        String[] subjects = new String[count];
        String[] times = new String[count];
        String[] data = new String[count];
        for (int i = 0; i < count; i++) {
            CloudEvent event = events.get(i);
            ids[i] = event.id().toString();
            types[i] = event.type();
            sources[i] = event.source();
            subjects[i] = event.subject();
            // ISO-8601 instants, cast by PostgreSQL: exact to the microsecond and independent of time zones.
            times[i] = event.time().toString();
            data[i] = event.data() == null ? "null" : event.data().toString();
        }
        try (var insert = connection.prepareStatement(APPEND)) {
            insert.setArray(1, connection.createArrayOf("text", ids));
            insert.setArray(2, connection.createArrayOf("text", types));
            insert.setArray(3, connection.createArrayOf("text", sources));
            insert.setArray(4, connection.createArrayOf("text", subjects));
            insert.setArray(5, connection.createArrayOf("text", times));
            insert.setArray(6, connection.createArrayOf("text", data));
            Set<String> inserted = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getString(1));
                }
            }
            List<CloudEvent> added = new ArrayList<>(inserted.size());
            for (CloudEvent event : events) {
                if (inserted.remove(event.id().toString())) { // a second copy in the same batch is not added twice
                    added.add(event);
                }
            }
            return added;
        }
    }

    static Entry entry(CloudEvent event) {
        return new Entry(event.id().toString(), event.type(), event.subject(), event.time(), event.data());
    }
}
