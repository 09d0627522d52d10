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
 * native binding reached late (measured: 56 to 1 280 bytes, a few times in thousands of frames), and
 * strings the VM makes on the thread wherever it happens to be (a 24-byte {@code String} and its array,
 * recorded by Flight Recorder at method entries of unrelated frame code, a few times a minute). Those
 * fall in a few windows only.
 *
 * <p>Such events come with time rather than frames: on a loaded machine, where a window of frames lasts
 * seconds, three of them can fall in three windows of one round. A round in which more than two windows
 * allocate is therefore measured again, and only two such rounds in a row fail: a per-frame allocation
 * (or one every few hundred frames) is in every window of both.
 *
 * <p>A render loop also runs code on a clock (a sensor's new sample, a generated image, the journal's
 * snapshot each second): unpaced on a quiet machine, 2,000 frames can pass in a few seconds, before that
 * code has run often enough to be compiled. Such a loop is measured after a minimum time as well.
 */
public final class SteadyStateAllocation {
    /** Frames before measuring: past the JIT's tier changes. */
    public static final int WARM_UP_FRAMES = 2000;
    private static final int WINDOWS = 10;
    /** Windows of a round that may see a one-off event. */
    private static final int WINDOWS_ALLOWED_ONE_OFFS = 2;
    private static final int ROUNDS = 2;

    private final com.sun.management.ThreadMXBean threads;
    private final int framesPerWindow;
    private final long warmUpNanos;
    private final long[] marks = new long[ROUNDS * WINDOWS + 1];
    /** Windows measured: a round's, or the second round's too when the first saw too many one-offs. */
    private volatile int windowsWanted = WINDOWS;
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

    /** Frames from the first to the last measured so far, counting the warm-up, when it has no minimum time. */
    public int totalFrames() {
        return WARM_UP_FRAMES + windowsWanted * framesPerWindow;
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
        if (measured >= 0 && window <= windowsWanted && measured == (long) window * framesPerWindow) {
            marks[window] = threads.getCurrentThreadAllocatedBytes();
            if (window == WINDOWS && allocatingWindows(0) > WINDOWS_ALLOWED_ONE_OFFS) {
                windowsWanted = ROUNDS * WINDOWS;
            }
            marked = window + 1;
        }
    }

    /** Windows of round {@code round} (from 0) that allocated; allocates nothing. */
    private int allocatingWindows(int round) {
        int allocating = 0;
        for (int i = round * WINDOWS; i < (round + 1) * WINDOWS; i++) {
            allocating += marks[i + 1] - marks[i] > 0 ? 1 : 0;
        }
        return allocating;
    }

    /** True once the warm-up is over. */
    public boolean measuring() {
        return firstMeasured >= 0;
    }

    /** True once every window wanted has been measured. */
    public boolean done() {
        return marked > windowsWanted;
    }

    /** Fails unless all but a couple of windows of a round allocated nothing (the first round, or else the second). */
    public void assertNonePerFrame(String what) {
        assertTrue(done(), what + ": the measurement did not finish");
        int rounds = windowsWanted / WINDOWS;
        long[] bytes = new long[rounds * WINDOWS];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = marks[i + 1] - marks[i];
        }
        assertTrue(allocatingWindows(rounds - 1) <= WINDOWS_ALLOWED_ONE_OFFS, what + ": bytes allocated in each window of "
                + framesPerWindow + " frames, " + rounds + " round(s) of " + WINDOWS + ": " + Arrays.toString(bytes)
                + " (at most " + WINDOWS_ALLOWED_ONE_OFFS + " windows of a round may see a one-off)");
    }
}
