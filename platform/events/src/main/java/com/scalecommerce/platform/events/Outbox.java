package com.scalecommerce.platform.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the caller's transaction on the default datasource, so the event exists if and only if
 * the business change commits. Publishing happens afterwards, from the relay.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT =
            "insert into outbox_event (event_id, type, subject, envelope)" + " values (?, ?, ?, cast(? as jsonb))";
    private static final Object RELAY_WAKE_UP_REGISTERED = new Object();

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final String source;

    Outbox(
            AgroalDataSource dataSource,
            TransactionSynchronizationRegistry transactions,
            OutboxRelay relay,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
        this.source = "/" + service;
    }

    /**
     * @param type e.g. {@code order.paid}
     * @param subject what the event is about, e.g. the order id; may be null
     * @param data serialised to JSON as the event's data
     */
    @Transactional(TxType.MANDATORY)
    public CloudEvent append(String type, String subject, Object data) {
        CloudEvent event = CloudEvent.of(source, type, subject, data);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, event.id());
                insert.setString(2, event.type());
                insert.setString(3, event.subject());
                insert.setString(4, event.toJson());
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record " + type + " event in the outbox", e);
        }
        wakeRelayAfterCommit();
        return event;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(RELAY_WAKE_UP_REGISTERED) != null) {
            return;
        }
        transactions.putResource(RELAY_WAKE_UP_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
