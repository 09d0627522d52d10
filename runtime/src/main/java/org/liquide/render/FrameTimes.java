package org.liquide.render;

import org.liquide.handoff.LatestSlot;

/**
 * Frame timing kept by the render thread: a ring of the most recent frame intervals (for live plots)
 * and, per reporting window, percentiles published through a latest-wins slot for whoever logs them.
 * Recording allocates nothing.
 */
public final class FrameTimes {
    private static final int RING_SIZE = 600;

    private final long windowNanos;
    private final float[] recentMillis = new float[RING_SIZE];
    private volatile long recorded;
    private final DurationHistogram intervals = new DurationHistogram();
    private final DurationHistogram work = new DurationHistogram();
    private final LatestSlot<FrameTimeSummary> summaries = new LatestSlot<>(FrameTimeSummary::new);
    private long windowStart = Long.MIN_VALUE;
    private long lastFrameStart = Long.MIN_VALUE;

    public FrameTimes(double windowSeconds) {
        this.windowNanos = (long) (windowSeconds * 1e9);
    }

    /** Called by the render thread once per frame with when it started and how long its work took. */
    public void record(long frameStartNanos, long workNanos) {
        if (windowStart == Long.MIN_VALUE) {
            windowStart = frameStartNanos;
        }
        if (lastFrameStart != Long.MIN_VALUE) {
            long interval = frameStartNanos - lastFrameStart;
            intervals.record(interval);
            long index = recorded;
            recentMillis[(int) (index % RING_SIZE)] = interval / 1e6f;
            recorded = index + 1;
        }
        lastFrameStart = frameStartNanos;
        work.record(workNanos);
        if (frameStartNanos - windowStart >= windowNanos) {
            publishWindow(frameStartNanos);
        }
    }

    private void publishWindow(long now) {
        FrameTimeSummary summary = summaries.writable();
        summary.frames = work.count();
        summary.windowSeconds = (now - windowStart) / 1e9;
        summary.intervalP50 = intervals.percentileNanos(0.50);
        summary.intervalP95 = intervals.percentileNanos(0.95);
        summary.intervalP99 = intervals.percentileNanos(0.99);
        summary.intervalMax = intervals.maxNanos();
        summary.workP50 = work.percentileNanos(0.50);
        summary.workP95 = work.percentileNanos(0.95);
        summary.workP99 = work.percentileNanos(0.99);
        summary.workMax = work.maxNanos();
        summaries.publish();
        intervals.clear();
        work.clear();
        windowStart = now;
    }

    /** The latest finished window, once; null when none finished since the last call. One reader thread. */
    public FrameTimeSummary takeSummary() {
        return summaries.takeLatest();
    }

    /** Copies up to {@code into.length} of the most recent intervals in ms, oldest first; returns how many. */
    public int recentIntervalsMillis(float[] into) {
        long end = recorded;
        int count = (int) Math.min(Math.min(end, RING_SIZE), into.length);
        for (int i = 0; i < count; i++) {
            into[i] = recentMillis[(int) ((end - count + i) % RING_SIZE)];
        }
        return count;
    }
}
