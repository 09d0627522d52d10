package org.liquide.testing;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one thread allocates on the Java heap frame after frame, once the JIT has settled: the frames
 * after a warm-up are measured in windows, and most windows must allocate nothing at all.
 *
 * <p>Why windows rather than one total: an object allocated every frame, or every few frames, shows in
 * every window, whatever its size. What a single total cannot tell from that are rare one-off events that
 * no frame code causes and that the JVM does at moments of its choosing: a method deoptimised and
 * re-run in the interpreter (which re-creates objects the compiler had eliminated), lazy linkage of a
 * native binding reached late (measured: 56 to 1 280 bytes, a few times in thousands of frames). Those
 * fall in a few windows only.
 *
 * <p>A render loop also runs code on a clock (a sensor's new sample, a generated image, the journal's
 * snapshot each second): unpaced on a quiet machine, 2,000 frames can pass in a few seconds, before that
 * code has run often enough to be compiled. Such a loop is measured after a minimum time as well.
 */
public final class SteadyStateAllocation {
    /** Frames before measuring: past the JIT's tier changes. */
    public static final int WARM_UP_FRAMES = 2000;
    private static final int WINDOWS = 10;
    /** Windows that may see a one-off event. */
    private static final int WINDOWS_ALLOWED_ONE_OFFS = 2;

    private final com.sun.management.ThreadMXBean threads;
    private final int framesPerWindow;
    private final long warmUpNanos;
    private final long[] marks = new long[WINDOWS + 1];
    private volatile int marked;
    private long firstFrameNanos = -1;
    private volatile long firstMeasured = -1;

    /** Measures {@code framesPerWindow} x 10 frames after the warm-up of {@link #WARM_UP_FRAMES}. */
    public SteadyStateAllocation(int framesPerWindow) {
        this(framesPerWindow, java.time.Duration.ZERO);
    }

    /** As {@link #SteadyStateAllocation(int)}, the warm-up lasting {@code minimumWarmUp} at least. */
    public SteadyStateAllocation(int framesPerWindow, java.time.Duration minimumWarmUp) {
        this.framesPerWindow = framesPerWindow;
        this.warmUpNanos = minimumWarmUp.toNanos();
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count a thread's allocations");
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    /** Frames from the first to the last measured, counting the warm-up, when it has no minimum time. */
    public int totalFrames() {
        return WARM_UP_FRAMES + WINDOWS * framesPerWindow;
    }

    /** Call at the start of every frame (index from 0) on the measured thread; allocates nothing. */
    public void frame(long index) {
        long now = System.nanoTime();
        if (firstFrameNanos < 0) {
            firstFrameNanos = now;
        }
        if (firstMeasured < 0) {
            if (index < WARM_UP_FRAMES || now - firstFrameNanos < warmUpNanos) {
                return;
            }
            firstMeasured = index;
        }
        long measured = index - firstMeasured;
        int window = marked;
        if (measured >= 0 && window <= WINDOWS && measured == (long) window * framesPerWindow) {
            marks[window] = threads.getCurrentThreadAllocatedBytes();
            marked = window + 1;
        }
    }

    /** True once the warm-up is over. */
    public boolean measuring() {
        return firstMeasured >= 0;
    }

    /** True once every window has been measured. */
    public boolean done() {
        return marked > WINDOWS;
    }

    /** Fails unless all but a couple of windows allocated nothing. */
    public void assertNonePerFrame(String what) {
        assertTrue(done(), what + ": the measurement did not finish");
        long[] bytes = new long[WINDOWS];
        int allocating = 0;
        for (int i = 0; i < WINDOWS; i++) {
            bytes[i] = marks[i + 1] - marks[i];
            allocating += bytes[i] > 0 ? 1 : 0;
        }
        assertTrue(allocating <= WINDOWS_ALLOWED_ONE_OFFS, what + ": bytes allocated in each window of " + framesPerWindow
                + " frames: " + Arrays.toString(bytes) + " (at most " + WINDOWS_ALLOWED_ONE_OFFS + " windows may see a one-off)");
    }
}
