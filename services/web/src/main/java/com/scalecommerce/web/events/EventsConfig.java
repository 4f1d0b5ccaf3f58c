package com.scalecommerce.web.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the web app publishes behavioural events (best effort, off the request path). */
@ConfigMapping(prefix = "scalecommerce.web.events")
public interface EventsConfig {

    /** Off: events are neither queued nor written (a page never depends on them either way). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Events waiting to be written. Beyond this, new events are dropped and counted rather than held in memory or
     * pushed back on the pages: with Redis away for a minute under full load, the oldest minute is what is lost.
     */
    @WithDefault("20000")
    int queueCapacity();

    /** Events sent to Redis in one pipelined round trip. */
    @WithDefault("500")
    int batchSize();

    /**
     * After the first event of a batch arrives, the writer waits this long for the events that follow, then sends
     * them all in one round trip, as the services' relays and consumers linger (ADR 0002). Without it, views
     * arriving a few milliseconds apart each woke the writer's thread and cost a Redis round trip of their own (a
     * flood of views was batched anyway: the writer was still busy with the last one). Zero sends at once.
     */
    @WithDefault("20ms")
    Duration linger();

    /** Approximate cap on entries of the stream (XADD MAXLEN ~), as the services' relays cap theirs. */
    @WithDefault("1000000")
    long streamMaxLength();

    /** How long one batch may take before it is given up (and dropped). */
    @WithDefault("2s")
    Duration writeTimeout();

    /** After a failed write the writer waits this long before trying Redis again, so an outage costs no spinning. */
    @WithDefault("1s")
    Duration pauseAfterFailure();
}
