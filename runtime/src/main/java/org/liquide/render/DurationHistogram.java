package org.liquide.render;

/**
 * Durations counted in 50 µs buckets up to 250 ms, then 10 ms buckets up to 10 s (a slow machine or a
 * stall still gets true percentiles); longer ones fall in the last bucket, with the true maximum kept.
 * Percentiles cost a scan and no allocation.
 */
final class DurationHistogram {
    private static final long FINE_NANOS = 50_000L;
    private static final int FINE_BUCKETS = 5_000;
    private static final long FINE_LIMIT_NANOS = FINE_NANOS * FINE_BUCKETS;
    private static final long COARSE_NANOS = 10_000_000L;
    private static final int COARSE_BUCKETS = 975;
    private final int[] buckets = new int[FINE_BUCKETS + COARSE_BUCKETS];
    private long count;
    private long maxNanos;

    void record(long nanos) {
        long clamped = Math.max(0L, nanos);
        long index = clamped < FINE_LIMIT_NANOS ? clamped / FINE_NANOS : FINE_BUCKETS + (clamped - FINE_LIMIT_NANOS) / COARSE_NANOS;
        buckets[(int) Math.min(buckets.length - 1, index)]++;
        count++;
        if (nanos > maxNanos) {
            maxNanos = nanos;
        }
    }

    long count() {
        return count;
    }

    long maxNanos() {
        return maxNanos;
    }

    /** The upper edge of the bucket holding the given fraction (0.5 → p50), in nanoseconds. */
    long percentileNanos(double fraction) {
        if (count == 0) {
            return 0L;
        }
        long rank = (long) Math.ceil(fraction * count);
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen >= rank) {
                long upperEdge = i < FINE_BUCKETS ? (i + 1) * FINE_NANOS : FINE_LIMIT_NANOS + (i - FINE_BUCKETS + 1) * COARSE_NANOS;
                return i == buckets.length - 1 ? maxNanos : Math.min(upperEdge, maxNanos);
            }
        }
        return maxNanos;
    }

    void clear() {
        java.util.Arrays.fill(buckets, 0);
        count = 0;
        maxNanos = 0;
    }
}
