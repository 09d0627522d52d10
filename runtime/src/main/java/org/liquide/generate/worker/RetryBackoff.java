package org.liquide.generate.worker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Waits that double after each failure, up to a maximum, and start over after a success. Thread-safe. */
final class RetryBackoff {
    private final long initialNanos;
    private final long maxNanos;
    private final AtomicInteger failures = new AtomicInteger();

    RetryBackoff(Duration initial, Duration max) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
    }

    /** The wait before the next attempt, counting one more failure. */
    long nextDelayNanos() {
        int count = failures.getAndIncrement();
        long delay = initialNanos;
        for (int i = 0; i < count && delay < maxNanos; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxNanos);
    }

    void reset() {
        failures.set(0);
    }
}
