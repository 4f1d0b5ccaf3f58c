package com.scalecommerce.platform.events;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The dedupe record of consumer groups: which events each group has already applied. */
@Singleton
class ProcessedEvents {

    private static final String RECORD_ALL = "insert into processed_event (consumer_group, event_id)"
            + " select ?, unnest(?::uuid[]) on conflict do nothing returning event_id";

    private final AgroalDataSource dataSource;

    ProcessedEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Must share the transaction of the effect: if the effect rolls back, so does the record, and the event is
     * applied on redelivery. A concurrent insert of the same key waits for the other transaction, so two
     * replicas never both see "first".
     *
     * @return true when this group had not applied the event yet
     */
    @Transactional(TxType.MANDATORY)
    boolean recordFirstProcessing(String consumerGroup, UUID eventId) {
        return !recordFirstProcessing(consumerGroup, List.of(eventId)).isEmpty();
    }

    /**
     * {@link #recordFirstProcessing(String, UUID)} for a whole batch in one statement (an id may appear twice, as a
     * republished copy can arrive in the same read).
     *
     * @return the ids this group had not applied yet, each once
     */
    @Transactional(TxType.MANDATORY)
    Set<UUID> recordFirstProcessing(String consumerGroup, List<UUID> eventIds) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(RECORD_ALL)) {
            insert.setString(1, consumerGroup);
            insert.setArray(2, connection.createArrayOf("uuid", eventIds.toArray()));
            Set<UUID> first = new HashSet<>();
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    first.add(inserted.getObject(1, UUID.class));
                }
            }
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record " + eventIds.size() + " events for " + consumerGroup, e);
        }
    }
}
