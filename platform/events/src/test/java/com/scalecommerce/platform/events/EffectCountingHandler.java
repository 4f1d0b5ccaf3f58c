package com.scalecommerce.platform.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A consumer whose effect counts applications per event in test_effect: without dedupe a redelivered event
 * would show up as 2. Events of type {@link #POISONED} always fail.
 */
@ApplicationScoped
public class EffectCountingHandler implements EventHandler {

    static final String GROUP = "events-test.effects";
    static final String COUNTED = "test.counted";
    static final String POISONED = "test.poisoned";
    static final String STREAM = EventStreams.ofService("events-test");

    private static final String COUNT = "insert into test_effect (event_id, applied) values (?, 1)"
            + " on conflict (event_id) do update set applied = test_effect.applied + 1";

    private final AgroalDataSource dataSource;
    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

    EffectCountingHandler(AgroalDataSource dataSource) {
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
        return Set.of(COUNTED, POISONED);
    }

    @Override
    public void handle(CloudEvent event) {
        attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        if (POISONED.equals(event.type())) {
            throw new IllegalArgumentException("poisoned event " + event.id());
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(COUNT)) {
            count.setObject(1, event.id());
            count.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    int attempts(UUID eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }
}
