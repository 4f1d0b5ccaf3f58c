package com.scalecommerce.products.search;

import com.scalecommerce.platform.events.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Emits {@code search.performed} without slowing the search. The request only offers the event to an in-memory
 * queue (no I/O); one background thread drains the queue and writes each batch to the outbox in one short
 * transaction, so a burst of searches costs one commit, not one per search. The trade-off is deliberate: events
 * still queued when the process dies are lost, which analytics can afford and a shopper waiting on a commit
 * could not. A full queue drops events and counts them rather than push back on searches.
 */
@ApplicationScoped
public class SearchEvents {

    private static final Logger LOG = Logger.getLogger(SearchEvents.class);
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Consumers: analytics (zero-result queries, top searches). No personal data: the session id is anonymous. */
    public record SearchPerformed(
            String query, long resultCount, String sessionId, String sort, Map<String, String> filters) {}

    private final Outbox outbox;
    private final SearchConfig config;
    private final LinkedBlockingQueue<SearchPerformed> queue;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private Thread writer;

    SearchEvents(Outbox outbox, SearchConfig config) {
        this.outbox = outbox;
        this.config = config;
        this.queue = new LinkedBlockingQueue<>(config.eventQueueCapacity());
    }

    public void performed(String query, long resultCount, String sessionId, String sort, Map<String, String> filters) {
        String session = sessionId != null && SESSION_ID.matcher(sessionId).matches() ? sessionId : null;
        if (!queue.offer(new SearchPerformed(query, resultCount, session, sort, filters))) {
            if (dropped.incrementAndGet() % 1000 == 1) {
                LOG.warnf("search.performed queue full; %d events dropped so far", dropped.get());
            }
        }
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        writer = Thread.ofVirtual().name("search-events-writer").start(this::writeUntilStopped);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        drainAndWrite();
    }

    private void writeUntilStopped() {
        while (running) {
            try {
                SearchPerformed first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                List<SearchPerformed> batch = new ArrayList<>();
                batch.add(first);
                queue.drainTo(batch, config.eventBatchSize() - 1);
                write(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Could not write search.performed events; they are lost", e);
            }
        }
    }

    private void drainAndWrite() {
        List<SearchPerformed> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            try {
                write(rest);
            } catch (RuntimeException e) {
                LOG.warnf("Could not write %d search.performed events at shutdown: %s", rest.size(), e);
            }
        }
    }

    private void write(List<SearchPerformed> batch) {
        QuarkusTransaction.requiringNew().run(() -> batch.forEach(e -> outbox.append("search.performed", null, e)));
    }
}
