package org.liquide.bench;

import org.liquide.render.FrameClock;

import java.util.Arrays;

/**
 * The frames a latency benchmark measures, seen from the render thread: those after a warm-up, and the
 * interval of each, which says the frame rate the latency was measured at. Allocates nothing per frame.
 */
final class MeasuredFrames {
    private final long warmUpNanos;
    private final double[] intervals;
    private int count;
    private long firstNanos;
    private volatile boolean measuring;

    MeasuredFrames(long warmUpNanos, int capacity) {
        this.warmUpNanos = warmUpNanos;
        this.intervals = new double[capacity];
    }

    /**
     * Render thread, each frame, with the time the frame ended: false during the warm-up (the frame that ends
     * it included), then true, noting the frame's interval.
     */
    boolean measure(FrameClock clock, long doneNanos) {
        if (!measuring) {
            firstNanos = firstNanos == 0 ? doneNanos : firstNanos;
            measuring = doneNanos - firstNanos >= warmUpNanos;
            return false;
        }
        if (count < intervals.length) {
            intervals[count++] = clock.deltaSeconds() * 1000;
        }
        return true;
    }

    /** Whether the warm-up is over; any thread. */
    boolean measuring() {
        return measuring;
    }

    /** Once the render loop has ended: the median frame interval, ms. */
    double medianIntervalMillis() {
        return Stats.percentile(Arrays.copyOf(intervals, count), 0.5);
    }

    /** Once the render loop has ended: the frame rate the latency was measured at, for a row's notes. */
    String rate() {
        double median = medianIntervalMillis();
        return "render rate " + Stats.number(1000 / median) + " fps (median frame interval " + Stats.number(median) + " ms)";
    }
}
