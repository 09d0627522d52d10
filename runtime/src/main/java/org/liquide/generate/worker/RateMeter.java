package org.liquide.generate.worker;

/**
 * Events per second over windows of about a second. One thread marks; any thread reads (a reading goes
 * to zero when events stop).
 */
final class RateMeter {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private long windowStart = Long.MIN_VALUE;
    private int windowCount;
    private volatile double rate;
    private volatile long lastEvent = Long.MIN_VALUE;

    void mark(long now) {
        if (windowStart == Long.MIN_VALUE) {
            windowStart = now;
        }
        windowCount++;
        lastEvent = now;
        long elapsed = now - windowStart;
        if (elapsed >= WINDOW_NANOS) {
            rate = windowCount * 1e9 / elapsed;
            windowStart = now;
            windowCount = 0;
        }
    }

    double perSecond(long now) {
        long last = lastEvent;
        if (last == Long.MIN_VALUE) {
            return 0;
        }
        double measured = rate;
        long quiet = now - last;
        // Nothing for a while: the rate is at most one event per quiet period.
        return quiet > 2 * WINDOW_NANOS ? Math.min(measured, 1e9 / quiet) : measured;
    }
}
