package com.scalecommerce.web.admin.analytics;

import com.scalecommerce.web.http.Refused;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One part of a dashboard page loaded on its own: its data, or why it has none. A page starts all its panels at
 * once on virtual threads ({@link #load}), so it costs its slowest panel rather than the sum, and a failing
 * panel never fails the page: the page renders the others and says what is missing.
 *
 * @param data the answer, null when the call failed
 * @param problem the service's reason when it refused (a 4xx detail), else null
 * @param unavailable the service could not be reached (timeout, 5xx, open breaker)
 */
public record Panel<T>(T data, String problem, boolean unavailable) {

    private static final Logger LOG = Logger.getLogger(Panel.class);
    private static final ExecutorService PARALLEL = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * A safety net over the calls' own fault-tolerance timeouts: whatever happens below, a page is not held
     * longer than this.
     */
    static final long LONGEST_WAIT_MILLIS = 4_000;

    /** A panel not loaded at all (the page's input was not valid): neither data nor a failure to report. */
    public static <T> Panel<T> notLoaded() {
        return new Panel<>(null, null, false);
    }

    public boolean ok() {
        return data != null;
    }

    /** Starts the call now; the panel is never a failed future. */
    public static <T> CompletableFuture<Panel<T>> load(Supplier<T> call) {
        return CompletableFuture.supplyAsync(() -> Panel.<T>of(call), PARALLEL)
                .completeOnTimeout(new Panel<>(null, null, true), LONGEST_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Runs the call in this thread: for a page with a single panel. */
    public static <T> Panel<T> of(Supplier<T> call) {
        try {
            return new Panel<>(call.get(), null, false);
        } catch (Refused e) {
            return new Panel<>(null, e.message(), false);
        } catch (RuntimeException e) {
            LOG.debugf(e, "a dashboard panel could not be loaded");
            return new Panel<>(null, null, true);
        }
    }
}
