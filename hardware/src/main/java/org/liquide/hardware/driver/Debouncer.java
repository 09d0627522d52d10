package org.liquide.hardware.driver;

import java.time.Duration;

/**
 * Turns a bouncing level into a stable one: the stable level changes only once the raw level has held the
 * new value for the whole window. Feed it samples with their time; not thread-safe.
 */
public final class Debouncer {
    private final long windowNanos;
    private boolean stable;
    private boolean lastRaw;
    private long lastRawChangeNanos;
    private boolean sampled;

    public Debouncer(Duration window, boolean initial) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("debounce window must not be negative");
        }
        this.windowNanos = window.toNanos();
        this.stable = initial;
        this.lastRaw = initial;
    }

    public boolean update(boolean raw, long nowNanos) {
        if (!sampled || raw != lastRaw) {
            sampled = true;
            lastRaw = raw;
            lastRawChangeNanos = nowNanos;
        }
        if (raw != stable && nowNanos - lastRawChangeNanos >= windowNanos) {
            stable = raw;
        }
        return stable;
    }

    public boolean stable() {
        return stable;
    }
}
