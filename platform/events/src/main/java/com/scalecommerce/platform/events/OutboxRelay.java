package com.scalecommerce.platform.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to the service's stream. Rows are claimed with FOR UPDATE SKIP LOCKED and
 * marked published in the same transaction, so replicas relay side by side without publishing the same row
 * in the normal case. A crash after XADD but before that commit leaves the rows unpublished: they are sent
 * again, never lost, and consumers dedupe by event id. For the same reason the claiming transaction does not wait
 * for PostgreSQL's WAL flush: a mark lost in a crash only means those rows are published again.
 *
 * <p>Under load the relay publishes in batches: a commit wakes it, it waits {@code relay.linger} for the commits
 * that follow, then claims them all and sends their XADDs pipelined, in one Redis round trip.
 */
@Singleton
class OutboxRelay {

    static final String EVENT_FIELD = "event";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CLAIM_BATCH = "select id, event_id, envelope::text from outbox_event"
            + " where published_at is null order by id limit ? for update skip locked";
    private static final String MARK_PUBLISHED = "update outbox_event set published_at = now() where id = any(?)";
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);
    private static final int PURGE_CHUNK = 1000;
    private static final String PURGE_PUBLISHED = "delete from outbox_event where id in (select id from outbox_event"
            + " where published_at < ? limit " + PURGE_CHUNK + ")";
    private static final String PURGE_PROCESSED = "delete from processed_event where (consumer_group, event_id) in"
            + " (select consumer_group, event_id from processed_event where processed_at < ? limit " + PURGE_CHUNK
            + ")";

    private final AgroalDataSource dataSource;
    private final Redis redis;
    private final EventsConfig config;
    private final String stream;
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile boolean running;
    private volatile Thread loop;
    private volatile UUID crashAfterPublishing;
    private Instant nextPurge = Instant.now();

    OutboxRelay(
            AgroalDataSource dataSource,
            Redis redis,
            EventsConfig config,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.dataSource = dataSource;
        this.redis = redis;
        this.config = config;
        this.stream = EventStreams.ofService(service);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relay().enabled()) {
            LOG.info("Outbox relay disabled (scalecommerce.events.relay.enabled=false)");
            return;
        }
        running = true;
        loop = Thread.ofVirtual().name("outbox-relay").start(this::relayUntilStopped);
        LOG.infof("Outbox relay publishing to %s", stream);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        Thread relay = loop;
        if (relay == null) {
            return;
        }
        wakeUp();
        try {
            if (!relay.join(Duration.ofSeconds(10))) {
                relay.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called after a local commit that wrote events, so they go out without waiting for the next poll. */
    void wakeUp() {
        if (running && wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /**
     * Test seam standing in for a process crash: the batch holding this event throws right after the event was
     * added to the stream, so the claiming transaction rolls back with part of the batch already published.
     */
    void crashOnceAfterPublishing(UUID eventId) {
        crashAfterPublishing = eventId;
    }

    private void relayUntilStopped() {
        Backoff backoff = new Backoff();
        while (running) {
            try {
                int published = relayBatch();
                purgeIfDue();
                backoff.reset();
                if (published < config.relay().batchSize()) {
                    awaitWorkOrPollInterval();
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.warnf("Outbox relay failed (%d in a row), retrying: %s", backoff.failuresInARow() + 1, describe(e));
                if (!backoff.pauseAfterFailure()) {
                    break;
                }
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    private void awaitWorkOrPollInterval() throws InterruptedException {
        if (wakeUps.tryAcquire(config.relay().pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
            long linger = config.relay().linger().toMillis();
            if (linger > 0 && running) {
                Thread.sleep(linger);
            }
            wakeUps.drainPermits();
        }
    }

    /** One claim-publish-mark transaction; tests call it from several threads to stand in for replicas. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement relax = connection.createStatement()) {
                    relax.execute("set local synchronous_commit to off");
                }
                List<Long> ids = new ArrayList<>();
                List<UUID> eventIds = new ArrayList<>();
                List<Request> adds = new ArrayList<>();
                try (PreparedStatement claim = connection.prepareStatement(CLAIM_BATCH)) {
                    claim.setInt(1, config.relay().batchSize());
                    try (ResultSet rows = claim.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getLong(1));
                            eventIds.add(rows.getObject(2, UUID.class));
                            adds.add(Request.cmd(Command.XADD)
                                    .arg(stream)
                                    .arg("MAXLEN")
                                    .arg("~")
                                    .arg(config.streamMaxLength())
                                    .arg("*")
                                    .arg(EVENT_FIELD)
                                    .arg(rows.getString(3)));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    return 0;
                }
                // In id order, in one round trip; Redis applies a pipeline's commands in the order sent.
                redis.batch(adds).await().atMost(PUBLISH_TIMEOUT);
                eventIds.forEach(this::crashHereIfAsked);
                markPublished(connection, ids);
                return ids.size();
            }
        });
    }

    private void crashHereIfAsked(UUID justPublished) {
        if (justPublished.equals(crashAfterPublishing)) {
            crashAfterPublishing = null;
            throw new IllegalStateException("simulated relay crash after publishing " + justPublished);
        }
    }

    private static void markPublished(Connection connection, List<Long> ids) throws SQLException {
        try (PreparedStatement mark = connection.prepareStatement(MARK_PUBLISHED)) {
            Array idArray = connection.createArrayOf("bigint", ids.toArray());
            mark.setArray(1, idArray);
            mark.executeUpdate();
        }
    }

    private void purgeIfDue() {
        Instant now = Instant.now();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(config.relay().purgeInterval());
        long outbox = purge(PURGE_PUBLISHED, now.minus(config.relay().retention()));
        long processed = purge(PURGE_PROCESSED, now.minus(config.consumer().processedRetention()));
        if (outbox + processed > 0) {
            LOG.infof("Purged %d published outbox rows and %d processed-event records", outbox, processed);
        }
    }

    /** Deletes in small transactions so a large backlog never holds locks for long. */
    private long purge(String chunkDelete, Instant olderThan) {
        long deleted = 0;
        int chunk;
        do {
            chunk = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement delete = connection.prepareStatement(chunkDelete)) {
                    delete.setObject(1, olderThan.atOffset(ZoneOffset.UTC));
                    return delete.executeUpdate();
                }
            });
            deleted += chunk;
        } while (chunk == PURGE_CHUNK && running);
        return deleted;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e) : e + " (cause: " + root + ")";
    }
}
