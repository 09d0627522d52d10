package org.liquide.soak;

import org.liquide.sound.output.AudioOutput;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Optional;

/**
 * The audio thread over the run's steady state: 10 ms blocks written, underruns (blocks the device had
 * run dry before) and bytes the thread allocated on the Java heap, counted from the end of the warm-up.
 *
 * @param playing whether the output reached a device at the end of the run; when it did not (no sound
 *                card or server), {@code problem} says why and nothing was measured
 */
record SoundMeasure(boolean playing, String problem, long blocks, long underruns, long allocatedBytes) {
    /** Allocation allowed on the audio thread: below one byte a block (one-off JVM events), none per block. */
    static final double BYTES_PER_BLOCK_ALLOWED = 1;

    /** Counts taken at the end of the warm-up, to subtract from those at the end of the run. */
    record Start(long blocks, long underruns, long allocatedBytes) {
    }

    static Start start(AudioOutput output) {
        return new Start(output.blocks(), output.underruns(), allocated(output));
    }

    static SoundMeasure since(Start start, AudioOutput output) {
        boolean playing = output.state() == AudioOutput.State.PLAYING;
        return new SoundMeasure(playing, output.problem(), output.blocks() - start.blocks(), output.underruns() - start.underruns(),
                allocated(output) - start.allocatedBytes());
    }

    private static long allocated(AudioOutput output) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Math.max(0, threads.getThreadAllocatedBytes(output.audioThread().threadId()));
    }

    double bytesPerBlock() {
        return blocks == 0 ? 0 : allocatedBytes / (double) blocks;
    }

    /** What went wrong with the sound, if anything: underruns, or allocation per block. */
    Optional<String> failure() {
        if (!playing || blocks == 0) {
            return Optional.empty();
        }
        if (underruns > 0) {
            return Optional.of(String.format(Locale.ROOT, "the sound output ran dry %d times in %d blocks after the warm-up (underruns)",
                    underruns, blocks));
        }
        if (bytesPerBlock() >= BYTES_PER_BLOCK_ALLOWED) {
            return Optional.of(String.format(Locale.ROOT, "the audio thread allocated %d B in %d blocks after the warm-up (%.2f B a block;"
                    + " it must allocate nothing per block)", allocatedBytes, blocks, bytesPerBlock()));
        }
        return Optional.empty();
    }

    /** The report's line. */
    String summary() {
        if (!playing) {
            return "not measured: the output had no device (" + problem + ")";
        }
        return String.format(Locale.ROOT, "%d blocks of 10 ms, %d underruns, %d B allocated on the audio thread (%.3f B a block)",
                blocks, underruns, allocatedBytes, bytesPerBlock());
    }
}
