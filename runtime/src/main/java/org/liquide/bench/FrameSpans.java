package org.liquide.bench;

/**
 * When each of the last frames began and ended (render thread), to count frames from an event: how many
 * ended after it, and how many the event waited for once the frame in progress when it came is left out
 * (that frame had already read its sources, so it could not show the event). Allocates nothing.
 */
final class FrameSpans {
    private final long[] starts;
    private final long[] ends;

    FrameSpans(int frames) {
        starts = new long[frames];
        ends = new long[frames];
    }

    void record(long index, long startNanos, long endNanos) {
        int at = (int) (index % starts.length);
        starts[at] = startNanos;
        ends[at] = endNanos;
    }

    /**
     * How many frames, up to {@code index}, ended at or after {@code nanos}: 1 when the frame in progress
     * (or the next one) shows it, 2 when the one in progress had already passed its sources, and so on.
     */
    int endedSince(long nanos, long index) {
        int count = 0;
        for (long j = index; j >= 0 && index - j < ends.length; j--) {
            if (ends[(int) (j % ends.length)] < nanos) {
                break;
            }
            count++;
        }
        return count;
    }

    /**
     * How many frames the event at {@code nanos} waited for, up to frame {@code index} that shows it: the
     * frames that ended after it, less the one already in progress when it came (begun before it) unless
     * that one is frame {@code index} itself. 1 is the least a frame loop allows: the first frame begun after
     * the event shows it; 2 means a frame begun after the event still showed what was before it.
     */
    int waitedFor(long nanos, long index) {
        int ended = endedSince(nanos, index);
        if (ended > 1 && starts[(int) ((index - ended + 1) % starts.length)] < nanos) {
            return ended - 1;
        }
        return ended;
    }
}
