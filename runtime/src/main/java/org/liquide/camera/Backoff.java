package org.liquide.camera;

/** Delays between reconnection attempts: doubling from a first delay up to a ceiling, with no retry cap. */
public final class Backoff {
    private final long firstNanos;
    private final long maxNanos;
    private long nextNanos;

    public Backoff(long firstMillis, long maxMillis) {
        this.firstNanos = firstMillis * 1_000_000L;
        this.maxNanos = maxMillis * 1_000_000L;
        this.nextNanos = firstNanos;
    }

    /** The delay to wait now; each call doubles the next one up to the ceiling. */
    public long nextDelayNanos() {
        long delay = nextNanos;
        nextNanos = Math.min(maxNanos, nextNanos * 2);
        return delay;
    }

    /** Back to the first delay after a success. */
    public void reset() {
        nextNanos = firstNanos;
    }
}
