package com.scalecommerce.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.ClaimedMessages;
import io.quarkus.redis.datasource.stream.PendingMessage;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XPendingArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One handler's consumer: reads new entries of its group, reclaims entries that other (dead) consumers left
 * unacknowledged, applies each event once and acknowledges it after the commit. Entries that keep failing go
 * to the group's dead-letter stream. Any Redis or database failure is logged and retried with backoff: the
 * thread only ends at shutdown.
 */
final class ConsumerLoop {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final String NEW_ENTRIES = ">";
    private static final String WHOLE_HISTORY = "0";
    private static final String SCAN_START = "0-0";

    private final EventHandler handler;
    private final String group;
    private final String consumerName;
    private final StreamCommands<String, String, String> streams;
    private final ProcessedEvents processedEvents;
    private final EventsConfig.Consumer config;
    private final Map<String, String> newEntriesOfEachStream = new LinkedHashMap<>();
    private final XReadGroupArgs readArgs;
    private final XAddArgs deadLetterTrimming;

    private volatile boolean running;
    private Thread thread;
    private boolean groupsExist;
    private Instant nextReclaim = Instant.EPOCH;

    ConsumerLoop(
            EventHandler handler,
            String consumerName,
            RedisDataSource redis,
            ProcessedEvents processedEvents,
            EventsConfig events) {
        this.handler = handler;
        this.group = handler.consumerGroup();
        this.consumerName = consumerName;
        this.streams = redis.stream(String.class);
        this.processedEvents = processedEvents;
        this.config = events.consumer();
        handler.streams().forEach(stream -> newEntriesOfEachStream.put(stream, NEW_ENTRIES));
        this.readArgs = new XReadGroupArgs().count(config.batchSize()).block(config.block());
        this.deadLetterTrimming =
                new XAddArgs().maxlen(events.streamMaxLength()).nearlyExactTrimming();
    }

    void start() {
        running = true;
        thread = Thread.ofVirtual().name("event-consumer-" + group).start(this::consumeUntilStopped);
        LOG.infof("Consumer %s of group %s reading %s", consumerName, group, newEntriesOfEachStream.keySet());
    }

    void requestStop() {
        running = false;
    }

    void awaitStopped() {
        if (thread == null) {
            return;
        }
        try {
            // A read blocked in Redis returns within `block`; a handler in the middle of its transaction may
            // take longer and is left to finish before the interrupt.
            if (!thread.join(config.block().plusSeconds(10))) {
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void consumeUntilStopped() {
        Backoff backoff = new Backoff();
        while (running) {
            try {
                boolean allApplied = consumeOnce();
                backoff.reset();
                if (!allApplied && !backoff.pauseAfterFailure()) {
                    break;
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                if (RedisErrors.is(e, "NOGROUP")) {
                    groupsExist = false;
                }
                LOG.warnf(
                        "Consumer group %s failed (%d in a row), retrying: %s",
                        group, backoff.failuresInARow() + 1, OutboxRelay.describe(e));
                if (!backoff.pauseAfterFailure()) {
                    break;
                }
            }
        }
        leaveGroupIfNothingPending();
    }

    /** @return false when a handler failed, so the caller slows down instead of spinning through retries */
    private boolean consumeOnce() {
        if (!groupsExist) {
            createGroups();
            groupsExist = true;
        }
        boolean allApplied = true;
        if (!Instant.now().isBefore(nextReclaim)) {
            allApplied = reclaimStaleEntries();
            nextReclaim = Instant.now().plus(config.reclaimInterval());
        }
        List<StreamMessage<String, String, String>> entries =
                streams.xreadgroup(group, consumerName, newEntriesOfEachStream, readArgs);
        if (!running || entries.isEmpty()) {
            return allApplied; // unprocessed entries stay pending and are reclaimed by a live consumer
        }
        if (entries.size() == 1 || !deliverTogether(entries)) {
            for (StreamMessage<String, String, String> entry : entries) {
                if (!running) {
                    break;
                }
                allApplied &= deliver(entry, 1);
            }
        }
        if (entries.size() < config.batchSize()) {
            lingerForMoreEntries();
        }
        return allApplied;
    }

    /**
     * A short read means the stream is drained: waiting a moment lets the next read take a batch. Without it a
     * stream with a few hundred events a second was applied almost one event per transaction, each waiting for its
     * own WAL flush, and the consumer cost more than the producer.
     */
    private void lingerForMoreEntries() {
        long millis = config.linger().toMillis();
        if (millis <= 0 || !running) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * A whole read in one transaction, with one dedupe statement (none for a handler that {@linkplain
     * EventHandler#deduplicatesItself deduplicates itself}), and one XACK per stream: per-event transactions,
     * records and acknowledgements cost more than most effects, and a busy stream (analytics reads every service's)
     * must keep up. A read holding no event this handler wants opens no transaction at all. Same guarantee as one by
     * one: every dedupe record (the platform's or the handler's own key) commits with its effect, and nothing is
     * acknowledged before the commit.
     * If anything in the batch fails (or cannot be parsed), the batch rolls back and its entries are delivered
     * one by one, so a single bad event neither blocks nor takes the others with it.
     *
     * @return true when every entry was applied and acknowledged
     */
    private boolean deliverTogether(List<StreamMessage<String, String, String>> entries) {
        List<CloudEvent> events = new java.util.ArrayList<>(entries.size());
        try {
            for (StreamMessage<String, String, String> entry : entries) {
                events.add(CloudEvent.fromJson(eventJson(entry)));
            }
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        try {
            List<CloudEvent> handled = events.stream()
                    .filter(event -> handler.eventTypes().contains(event.type()))
                    .toList();
            if (!handled.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (handler.deduplicatesItself()) {
                        handler.handleAll(handled);
                        return;
                    }
                    var first = processedEvents.recordFirstProcessing(
                            group, handled.stream().map(CloudEvent::id).toList());
                    List<CloudEvent> toApply = new ArrayList<>(first.size());
                    for (CloudEvent event : handled) {
                        if (first.remove(event.id())) { // a copy later in the same read is not applied again
                            toApply.add(event);
                        }
                    }
                    if (!toApply.isEmpty()) {
                        handler.handleAll(toApply);
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.debugf(e, "Group %s: a batch of %d failed; delivering its entries one by one", group, entries.size());
            return false;
        }
        Map<String, List<String>> idsByStream = new LinkedHashMap<>();
        for (StreamMessage<String, String, String> entry : entries) {
            idsByStream
                    .computeIfAbsent(entry.key(), k -> new java.util.ArrayList<>())
                    .add(entry.id());
        }
        idsByStream.forEach((stream, ids) -> streams.xack(stream, group, ids.toArray(String[]::new)));
        return true;
    }

    /** From 0 on first creation: a new group starts with whatever the stream still holds. */
    private void createGroups() {
        for (String stream : newEntriesOfEachStream.keySet()) {
            try {
                streams.xgroupCreate(stream, group, WHOLE_HISTORY, new XGroupCreateArgs().mkstream());
                LOG.infof("Created consumer group %s on %s", group, stream);
            } catch (RuntimeException e) {
                if (!RedisErrors.is(e, "BUSYGROUP")) {
                    throw e;
                }
            }
        }
    }

    private boolean reclaimStaleEntries() {
        boolean allApplied = true;
        for (String stream : newEntriesOfEachStream.keySet()) {
            String cursor = SCAN_START;
            do {
                ClaimedMessages<String, String, String> claimed = streams.xautoclaim(
                        stream, group, consumerName, config.reclaimIdle(), cursor, config.batchSize());
                for (StreamMessage<String, String, String> entry : claimed.getMessages()) {
                    if (!running) {
                        return allApplied;
                    }
                    int deliveries = deliveriesSoFar(stream, entry.id());
                    if (deliveries > config.maxDeliveries()) {
                        deadLetter(entry, "not applied after " + (deliveries - 1) + " deliveries");
                    } else if (deliveries > 0) {
                        LOG.infof(
                                "Group %s reclaimed entry %s of %s (delivery %d)",
                                group, entry.id(), stream, deliveries);
                        allApplied &= deliver(entry, deliveries);
                    }
                }
                cursor = claimed.getId();
            } while (running && cursor != null && !SCAN_START.equals(cursor));
        }
        return allApplied;
    }

    /** 0 when the entry is no longer pending for this consumer, e.g. acknowledged meanwhile. */
    private int deliveriesSoFar(String stream, String entryId) {
        List<PendingMessage> pending = streams.xpending(
                stream, group, StreamRange.of(entryId, entryId), 1, new XPendingArgs().consumer(consumerName));
        return pending.isEmpty() ? 0 : pending.getFirst().getDeliveryCount();
    }

    /** @return false when the handler failed and the entry was left pending for a later attempt */
    private boolean deliver(StreamMessage<String, String, String> entry, int delivery) {
        CloudEvent event;
        try {
            event = CloudEvent.fromJson(eventJson(entry));
        } catch (IllegalArgumentException unreadable) {
            deadLetter(entry, "unreadable: " + unreadable.getMessage());
            return true;
        }
        if (!handler.eventTypes().contains(event.type())) {
            acknowledge(entry);
            return true;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (handler.deduplicatesItself() || processedEvents.recordFirstProcessing(group, event.id())) {
                    handler.handle(event);
                } else {
                    LOG.debugf("Group %s already applied event %s, skipping duplicate", group, event.id());
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(
                    e,
                    "Group %s failed to apply %s event %s (delivery %d of at most %d); it stays pending for the next reclaim",
                    group,
                    event.type(),
                    event.id(),
                    delivery,
                    config.maxDeliveries());
            return false;
        }
        acknowledge(entry);
        return true;
    }

    private void deadLetter(StreamMessage<String, String, String> entry, String reason) {
        String deadLetters = EventStreams.deadLetters(group);
        Map<String, String> parked = new LinkedHashMap<>();
        parked.put(OutboxRelay.EVENT_FIELD, eventJson(entry) == null ? "" : eventJson(entry));
        parked.put("stream", entry.key());
        parked.put("entry-id", entry.id());
        parked.put("reason", reason);
        streams.xadd(deadLetters, deadLetterTrimming, parked);
        acknowledge(entry);
        LOG.errorf("Group %s parked entry %s of %s on %s: %s", group, entry.id(), entry.key(), deadLetters, reason);
    }

    private void acknowledge(StreamMessage<String, String, String> entry) {
        streams.xack(entry.key(), group, entry.id());
    }

    private static String eventJson(StreamMessage<String, String, String> entry) {
        return entry.payload() == null ? null : entry.payload().get(OutboxRelay.EVENT_FIELD);
    }

    /** Keeps the group's consumer list from growing with every deploy; a consumer with pending entries stays. */
    private void leaveGroupIfNothingPending() {
        for (String stream : newEntriesOfEachStream.keySet()) {
            try {
                boolean nothingPending = streams.xpending(
                                stream, group, StreamRange.of("-", "+"), 1, new XPendingArgs().consumer(consumerName))
                        .isEmpty();
                if (nothingPending) {
                    streams.xgroupDelConsumer(stream, group, consumerName);
                }
            } catch (RuntimeException e) {
                LOG.debugf("Consumer %s stays registered in group %s on %s: %s", consumerName, group, stream, e);
            }
        }
    }
}
