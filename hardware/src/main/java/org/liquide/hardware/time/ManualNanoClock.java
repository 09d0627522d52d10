package org.liquide.hardware.time;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A virtual clock: time moves only when someone sleeps on it, {@link #advanceNanos advances} it, or, with a
 * non-zero step, a little on every reading, the way polling a GPIO line costs real time on a Pi. Thread-safe.
 */
public final class ManualNanoClock implements NanoClock {
    private final AtomicLong now;
    private final long stepPerReadNanos;

    /** A clock at {@code startNanos} that moves {@code stepPerReadNanos} on each {@link #nanoTime()}. */
    public ManualNanoClock(long startNanos, long stepPerReadNanos) {
        if (stepPerReadNanos < 0) {
            throw new IllegalArgumentException("step must not be negative");
        }
        this.now = new AtomicLong(startNanos);
        this.stepPerReadNanos = stepPerReadNanos;
    }

    /** A clock that only moves when slept on or advanced. */
    public ManualNanoClock() {
        this(0, 0);
    }

    @Override
    public long nanoTime() {
        return now.getAndAdd(stepPerReadNanos);
    }

    /** The current time, without the per-read step. */
    public long peekNanos() {
        return now.get();
    }

    @Override
    public void sleepNanos(long nanos) {
        if (nanos > 0) {
            now.addAndGet(nanos);
        }
    }

    public void advanceNanos(long nanos) {
        sleepNanos(nanos);
    }

    public void advanceMillis(long millis) {
        sleepNanos(millis * 1_000_000L);
    }
}
