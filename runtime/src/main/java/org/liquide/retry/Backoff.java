package org.liquide.retry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Waits between attempts to reopen something that failed (a camera, a model): doubling after each
 * failure up to a ceiling, with no cap on the number of attempts, and starting over after a success.
 * Thread-safe.
 */
public final class Backoff {
    private final long firstNanos;
    private final long maxNanos;
    private final AtomicInteger failures = new AtomicInteger();

    public Backoff(Duration first, Duration max) {
        this.firstNanos = first.toNanos();
        this.maxNanos = max.toNanos();
    }

    /** The wait before the next attempt, counting one more failure. */
    public long nextDelayNanos() {
        int count = failures.getAndIncrement();
        long delay = firstNanos;
        for (int i = 0; i < count && delay < maxNanos; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxNanos);
    }

    /** Back to the first delay after a success. */
    public void reset() {
        failures.set(0);
    }
}
