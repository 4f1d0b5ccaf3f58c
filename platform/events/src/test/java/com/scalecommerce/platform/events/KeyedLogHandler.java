package com.scalecommerce.platform.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A consumer that {@linkplain #deduplicatesItself() deduplicates itself}, as analytics' raw log does: its effect is
 * test_keyed_log, one row per event id, and an id already there is left out. It also counts how often it was handed
 * each event, duplicates included, which the platform's own record would have kept from it. An event of type
 * {@link #POISONED} fails whatever it comes with, so a read holding one is rolled back and delivered one by one.
 */
@ApplicationScoped
public class KeyedLogHandler implements EventHandler {

    static final String GROUP = "events-test.keyed-log";
    static final String LOGGED = "test.logged";
    static final String POISONED = "test.logged.poisoned";
    static final String STREAM = EventStreams.ofService("events-test-keyed");

    private static final String APPEND =
            "insert into test_keyed_log (event_id, type) values (?, ?) on conflict (event_id) do nothing";

    private final AgroalDataSource dataSource;
    private final Map<UUID, AtomicInteger> handed = new ConcurrentHashMap<>();

    KeyedLogHandler(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String consumerGroup() {
        return GROUP;
    }

    @Override
    public Set<String> streams() {
        return Set.of(STREAM);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(LOGGED, POISONED);
    }

    @Override
    public boolean deduplicatesItself() {
        return true;
    }

    @Override
    public void handle(CloudEvent event) {
        handleAll(List.of(event));
    }

    @Override
    public void handleAll(List<CloudEvent> events) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement append = connection.prepareStatement(APPEND)) {
            for (CloudEvent event : events) {
                handed.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
                if (POISONED.equals(event.type())) {
                    throw new IllegalStateException("poisoned event " + event.id());
                }
                append.setObject(1, event.id());
                append.setString(2, event.type());
                append.addBatch();
            }
            append.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    int timesHanded(UUID eventId) {
        AtomicInteger count = handed.get(eventId);
        return count == null ? 0 : count.get();
    }
}
