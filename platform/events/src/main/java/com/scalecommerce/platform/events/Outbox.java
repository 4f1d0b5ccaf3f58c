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
import java.sql.Statement;
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
        return append(type, subject, data, false);
    }

    /**
     * {@link #append} for an event about a change PostgreSQL does not hold (a cart kept in Redis): the transaction's
     * commit does not wait for its WAL flush ({@code synchronous_commit} off for this transaction only). Under load
     * that wait was most of a cart add's time. A PostgreSQL crash can lose such a commit from the last fraction of a
     * second (at most three {@code wal_writer_delay}s), never half of one: the event is then no less durable than
     * the Redis change it describes. Orders, payments and stock never use this.
     */
    @Transactional(TxType.MANDATORY)
    public CloudEvent appendWithoutWaitingForDisk(String type, String subject, Object data) {
        return append(type, subject, data, true);
    }

    private CloudEvent append(String type, String subject, Object data, boolean withoutWaitingForDisk) {
        CloudEvent event = CloudEvent.of(source, type, subject, data);
        try (Connection connection = dataSource.getConnection()) {
            if (withoutWaitingForDisk) {
                commitWithoutWaitingForDisk(connection);
            }
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

    /** {@code synchronous_commit} off for the connection's current transaction only (the relay's claims use it too). */
    static void commitWithoutWaitingForDisk(Connection connection) throws SQLException {
        try (Statement relax = connection.createStatement()) {
            relax.execute("set local synchronous_commit to off");
        }
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
