package com.scalecommerce.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "scalecommerce.events")
public interface EventsConfig {

    /** Approximate cap on entries per stream (XADD MAXLEN ~); consumers that lag further lose the oldest. */
    @WithDefault("1000000")
    long streamMaxLength();

    Relay relay();

    Consumer consumer();

    interface Relay {

        /** Off only in a process that must not publish, e.g. a one-off admin task sharing the database. */
        @WithDefault("true")
        boolean enabled();

        /** Upper bound on publishing latency; a local commit wakes the relay of its own replica at once. */
        @WithDefault("500ms")
        Duration pollInterval();

        @WithDefault("200")
        int batchSize();

        /**
         * After a commit wakes the relay, how long it waits for more commits before claiming: under load a claim
         * then publishes many events in one transaction and one Redis round trip instead of one event each.
         * Adds at most this much to an event's publishing latency; 0 publishes at once.
         */
        @WithDefault("20ms")
        Duration linger();

        /** How long published rows stay in the outbox, for investigating and replaying. */
        @WithDefault("7d")
        Duration retention();

        @WithDefault("1h")
        Duration purgeInterval();
    }

    interface Consumer {

        @WithDefault("true")
        boolean enabled();

        /** Entries fetched per XREADGROUP. */
        @WithDefault("50")
        int batchSize();

        /** How long XREADGROUP waits for new entries; keep it below quarkus.redis.timeout and short enough for a fast shutdown. */
        @WithDefault("2s")
        Duration block();

        /**
         * After a read that returned fewer entries than {@link #batchSize()}, how long the consumer waits before it
         * reads again, so that busy streams arrive in batches: one transaction (one WAL flush) and one XACK per
         * batch instead of per event. Adds at most this much to an event's delivery latency; 0 reads again at
         * once.
         */
        @WithDefault("100ms")
        Duration linger();

        /** An entry unacknowledged this long is taken over from its consumer, which is presumed dead. */
        @WithDefault("60s")
        Duration reclaimIdle();

        @WithDefault("15s")
        Duration reclaimInterval();

        /** Deliveries after which an entry is parked on the group's dead-letter stream instead of retried. */
        @WithDefault("5")
        int maxDeliveries();

        /** How long applied event ids are remembered for dedupe; must outlast any redelivery. */
        @WithDefault("30d")
        Duration processedRetention();
    }
}
