package org.liquide.generate.hub;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a download's body once no byte has come for a while, so that a server that stops sending in the
 * middle of a file fails the read instead of holding the pull forever: the HTTP client's own timeout covers
 * only the wait for the response's headers. The reader calls {@link #fed} after each chunk, and checks
 * {@link #fired} when its read ends.
 */
final class StallWatch implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "liquide-pull-stall-watch");
        thread.setDaemon(true);
        return thread;
    });

    private final InputStream body;
    private final long limitNanos;
    private final ScheduledFuture<?> check;
    private volatile long lastNanos = System.nanoTime();
    private volatile boolean fired;

    StallWatch(InputStream body, Duration limit) {
        this.body = body;
        this.limitNanos = limit.toNanos();
        long period = Math.max(limitNanos / 4, TimeUnit.MILLISECONDS.toNanos(50));
        this.check = TIMER.scheduleAtFixedRate(this::check, period, period, TimeUnit.NANOSECONDS);
    }

    /** Bytes came. */
    void fed() {
        lastNanos = System.nanoTime();
    }

    /** Whether the body was closed because nothing came for the limit. */
    boolean fired() {
        return fired;
    }

    private void check() {
        if (!fired && System.nanoTime() - lastNanos > limitNanos) {
            fired = true;
            try {
                body.close();
            } catch (IOException closing) {
                // The reader learns of the stall from fired(); how the close went changes nothing.
            }
        }
    }

    @Override
    public void close() {
        check.cancel(false);
    }
}
