package org.liquide.render;

/**
 * Durations counted in fixed 50 µs buckets up to 250 ms (longer ones in the last bucket, with the true
 * maximum kept), so percentiles cost a scan and no allocation.
 */
final class DurationHistogram {
    private static final long BUCKET_NANOS = 50_000L;
    private final int[] buckets = new int[5_000];
    private long count;
    private long maxNanos;

    void record(long nanos) {
        int index = (int) Math.min(buckets.length - 1, Math.max(0L, nanos / BUCKET_NANOS));
        buckets[index]++;
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
                return i == buckets.length - 1 ? maxNanos : (i + 1) * BUCKET_NANOS;
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
