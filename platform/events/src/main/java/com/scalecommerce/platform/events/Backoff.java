package com.scalecommerce.platform.events;

import java.time.Duration;

/** Doubling pauses while Redis or PostgreSQL is unreachable, so an outage is retried without a busy loop. */
final class Backoff {

    private static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration LONGEST = Duration.ofSeconds(5);

    private Duration next = FIRST;
    private int failuresInARow;

    /** Counts the failure and sleeps; returns false when interrupted, i.e. the loop is being stopped. */
    boolean pauseAfterFailure() {
        failuresInARow++;
        Duration pause = next;
        next = next.multipliedBy(2).compareTo(LONGEST) > 0 ? LONGEST : next.multipliedBy(2);
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    int failuresInARow() {
        return failuresInARow;
    }

    void reset() {
        next = FIRST;
        failuresInARow = 0;
    }
}
