package com.scalecommerce.analytics.ingest;

import com.scalecommerce.platform.events.CloudEvent;
import com.scalecommerce.platform.events.EventHandler;
import com.scalecommerce.platform.events.EventStreams;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Reads every service's event stream (consumer group {@code analytics}), keeps each event once in the raw log and
 * applies it to the projections, all in one transaction of the platform's, whose record of the event id is the raw
 * log's own unique key: an event counts exactly once however often it is delivered, and a crash in between leaves
 * neither half.
 */
@ApplicationScoped
class EventIngest implements EventHandler {

    static final String CONSUMER_GROUP = "analytics";

    private final AgroalDataSource db;
    private final Projections projections;

    EventIngest(AgroalDataSource db, Projections projections) {
        this.db = db;
        this.projections = projections;
    }

    @Override
    public String consumerGroup() {
        return CONSUMER_GROUP;
    }

    @Override
    public Set<String> streams() {
        return Set.of(
                EventStreams.ofService("users"),
                EventStreams.ofService("products"),
                EventStreams.ofService("orders"),
                EventStreams.ofService("web"));
    }

    @Override
    public Set<String> eventTypes() {
        return Projections.TYPES;
    }

    /**
     * A busy shop's stream is mostly views and cart adds: the batch's raw-log rows go in one statement, and so do
     * its behaviour facts ({@link Projections#applyAll}).
     */
    @Override
    public void handleAll(List<CloudEvent> events) {
        try (var connection = db.getConnection()) {
            projections.applyAll(
                    connection,
                    RawLog.appendAll(connection, events).stream()
                            .map(RawLog::entry)
                            .toList());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The raw log keeps every event id under a unique key and {@link RawLog#appendAll} leaves out an id it holds, so
     * the projections see each event once without the platform's processed_event record, which would repeat the log's
     * key: one insert and two index entries fewer per event, on the service's busiest write path.
     */
    @Override
    public boolean deduplicatesItself() {
        return true;
    }

    @Override
    public void handle(CloudEvent event) {
        handleAll(List.of(event));
    }
}
