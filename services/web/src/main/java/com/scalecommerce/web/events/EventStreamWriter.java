package com.scalecommerce.web.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Writes the web app's events to the Redis stream {@code events:web}, where analytics reads them like every
 * service's stream. The web app owns no database, so there is no outbox: events are best effort by design. A page
 * only offers an event to a bounded in-memory queue (no I/O, no lock held for long); one background virtual thread
 * drains the queue and sends each batch as pipelined XADDs in one round trip, after lingering a moment for the
 * events that follow the first ({@link EventsConfig#linger}). A full queue drops the new event,
 * Redis failing drops the batch: both are counted ({@code scalecommerce.web.events.dropped}) and logged at debug
 * only, so Redis being away never slows or fails a page and never floods the log. Events still queued when the
 * process dies are lost, which analytics can afford and a shopper waiting on a write could not.
 *
 * <p>The envelope is the platform's CloudEvents 1.0 JSON in the entry field {@code event}, source {@code /web}.
 */
@Singleton
class EventStreamWriter {

    static final String STREAM = "events:web";
    static final String EVENT_FIELD = "event";
    static final String SOURCE = "/web";

    private static final Logger LOG = Logger.getLogger(EventStreamWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);

    record Pending(UUID id, String type, String subject, Instant time, Map<String, Object> data) {}

    private final Redis redis;
    private final EventsConfig config;
    private final BlockingQueue<Pending> queue;
    private final Counter published;
    private final Counter batches;
    private final Counter droppedQueueFull;
    private final Counter droppedWriteFailed;
    private volatile boolean running;
    private volatile boolean lastWriteFailed;
    private Thread loop;

    EventStreamWriter(Redis redis, EventsConfig config, MeterRegistry metrics) {
        this.redis = redis;
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.published = metrics.counter("scalecommerce.web.events.published");
        this.batches = metrics.counter("scalecommerce.web.events.batches");
        this.droppedQueueFull = metrics.counter("scalecommerce.web.events.dropped", "reason", "queue_full");
        this.droppedWriteFailed = metrics.counter("scalecommerce.web.events.dropped", "reason", "write_failed");
        metrics.gaugeCollectionSize("scalecommerce.web.events.queued", List.of(), queue);
    }

    void offer(String type, String subject, Map<String, Object> data) {
        if (!config.enabled()) {
            return;
        }
        var event = new Pending(UUID.randomUUID(), type, subject, Instant.now().truncatedTo(ChronoUnit.MICROS), data);
        if (!queue.offer(event)) {
            droppedQueueFull.increment();
        }
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            LOG.info("Behavioural events disabled (scalecommerce.web.events.enabled=false)");
            return;
        }
        running = true;
        loop = Thread.ofVirtual().name("web-events-writer").start(this::writeUntilStopped);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        Thread writer = loop;
        if (writer == null) {
            return;
        }
        writer.interrupt();
        try {
            writer.join(config.writeTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // What the pages offered last still goes out, unless Redis is failing: then shutting down does not wait for
        // it a second time.
        var rest = new ArrayList<Pending>();
        queue.drainTo(rest);
        if (lastWriteFailed) {
            droppedWriteFailed.increment(rest.size());
        } else if (!rest.isEmpty()) {
            try {
                write(rest);
            } catch (RuntimeException e) {
                droppedWriteFailed.increment(rest.size());
                LOG.debugf("%d events not written at shutdown: %s", rest.size(), e);
            }
        }
    }

    private void writeUntilStopped() {
        while (running) {
            List<Pending> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                return;
            }
            if (batch.isEmpty()) {
                continue;
            }
            try {
                write(batch);
                lastWriteFailed = false;
            } catch (RuntimeException e) {
                lastWriteFailed = true;
                droppedWriteFailed.increment(batch.size());
                LOG.debugf("%d events dropped, Redis did not take them: %s", batch.size(), e);
                if (!running) {
                    return;
                }
                if (!pauseAfterFailure()) {
                    return;
                }
            }
        }
    }

    private List<Pending> nextBatch() throws InterruptedException {
        Pending first = queue.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        long linger = config.linger().toMillis();
        if (linger > 0 && running && queue.size() < config.batchSize() - 1) {
            try {
                Thread.sleep(linger);
            } catch (InterruptedException stopping) {
                // stop() woke us: what was taken is sent now, then the loop ends (running is false).
            }
        }
        var batch = new ArrayList<Pending>(Math.min(config.batchSize(), queue.size() + 1));
        batch.add(first);
        queue.drainTo(batch, config.batchSize() - 1);
        return batch;
    }

    private boolean pauseAfterFailure() {
        try {
            Thread.sleep(config.pauseAfterFailure());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** One round trip: every XADD of the batch pipelined, each trimming the stream to about its cap. */
    private void write(List<Pending> batch) {
        var commands = new ArrayList<Request>(batch.size());
        String maxLength = Long.toString(config.streamMaxLength());
        for (Pending event : batch) {
            commands.add(Request.cmd(Command.XADD)
                    .arg(STREAM)
                    .arg("MAXLEN")
                    .arg("~")
                    .arg(maxLength)
                    .arg("*")
                    .arg(EVENT_FIELD)
                    .arg(envelope(event)));
        }
        redis.batch(commands).await().atMost(config.writeTimeout());
        published.increment(batch.size());
        batches.increment();
    }

    /** CloudEvents 1.0 JSON, as platform-events' CloudEvent writes it (null attributes left out). */
    static String envelope(Pending event) {
        var envelope = new LinkedHashMap<String, Object>();
        envelope.put("specversion", "1.0");
        envelope.put("id", event.id().toString());
        envelope.put("source", SOURCE);
        envelope.put("type", event.type());
        envelope.put("time", event.time().toString());
        if (event.subject() != null) {
            envelope.put("subject", event.subject());
        }
        envelope.put("datacontenttype", "application/json");
        envelope.put("data", event.data());
        try {
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.id() + " cannot be written as JSON", e);
        }
    }
}
