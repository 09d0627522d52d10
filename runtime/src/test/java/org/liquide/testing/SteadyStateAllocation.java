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
 */
public final class SteadyStateAllocation {
    /** Frames before measuring: past the JIT's tier changes. */
    public static final int WARM_UP_FRAMES = 2000;
    private static final int WINDOWS = 10;
    /** Windows that may see a one-off event. */
    private static final int WINDOWS_ALLOWED_ONE_OFFS = 2;

    private final com.sun.management.ThreadMXBean threads;
    private final int framesPerWindow;
    private final long[] marks = new long[WINDOWS + 1];
    private volatile int marked;

    /** Measures {@code framesPerWindow} x 10 frames after the warm-up. */
    public SteadyStateAllocation(int framesPerWindow) {
        this.framesPerWindow = framesPerWindow;
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count a thread's allocations");
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    /** Frames from the first to the last measured, counting the warm-up. */
    public int totalFrames() {
        return WARM_UP_FRAMES + WINDOWS * framesPerWindow;
    }

    /** Call at the start of every frame (index from 0) on the measured thread; allocates nothing. */
    public void frame(long index) {
        long measured = index - WARM_UP_FRAMES;
        int window = marked;
        if (measured >= 0 && window <= WINDOWS && measured == (long) window * framesPerWindow) {
            marks[window] = threads.getCurrentThreadAllocatedBytes();
            marked = window + 1;
        }
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
