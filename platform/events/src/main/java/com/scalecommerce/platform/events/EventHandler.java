package com.scalecommerce.platform.events;

import java.util.List;
import java.util.Set;

/**
 * What a service implements to consume events; make the implementation a CDI bean and the platform runs it
 * from application start to shutdown on a thread of its own.
 *
 * <p>{@link #handle} runs inside a JTA transaction on the default datasource, after the event id has been
 * recorded for this consumer group: do the effect with plain JDBC on that datasource and it commits exactly
 * once together with the record; throw to roll both back and have the event delivered again later. Events
 * arrive at least once and, across redeliveries and replicas, not necessarily in order. A handler whose effect
 * keeps event ids itself can skip the record: see {@link #deduplicatesItself()}.
 */
public interface EventHandler {

    /**
     * The Redis consumer group, shared by every replica of the service, e.g. {@code analytics.sales}. It also
     * names the dead-letter stream and is the dedupe scope, so keep it stable across releases.
     */
    String consumerGroup();

    /** Stream keys to read, built with {@link EventStreams#ofService(String)}. */
    Set<String> streams();

    /** CloudEvent types to handle; entries of other types are acknowledged without calling the handler. */
    Set<String> eventTypes();

    void handle(CloudEvent event);

    /**
     * A batch read from the streams, in stream order, applied in one transaction: every event is of a type this
     * handler wants and was recorded as first for this group. Override to apply a batch with fewer statements
     * (JDBC batches) than one {@link #handle} each; the contract is the same: throw to roll the whole batch back,
     * after which its events are delivered one by one through {@link #handle}.
     */
    default void handleAll(List<CloudEvent> events) {
        events.forEach(this::handle);
    }

    /**
     * True when the effect itself keeps every event id under a unique key, in the same transaction, and leaves out
     * an id it already holds: a raw log keyed by event id, say. The platform then records nothing in
     * {@code processed_event} for this group and passes every event of a wanted type on, duplicates included (a
     * redelivery, or a copy later in the same read). The guarantee is the same, as a concurrent insert of the same
     * key waits for the other transaction, and each event costs one insert and two index entries fewer.
     */
    default boolean deduplicatesItself() {
        return false;
    }
}
