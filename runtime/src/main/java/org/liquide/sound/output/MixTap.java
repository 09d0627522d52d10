package org.liquide.sound.output;

/**
 * A copy of the show's output mix for a recording: the audio thread appends each block (interleaved
 * stereo floats at {@link AudioOutput#RATE}, after the master gain, the mutes and the limiter, as the room
 * hears it) and the recorder's thread takes what has come. A microphone the showcase lets recordings
 * carry writes its hops into a tap of its own the same way ({@link #writeMono}). One writer, one reader, no lock: the audio
 * thread never waits and allocates nothing; a block that finds the ring full (the recorder fell a second
 * behind) is dropped whole and counted.
 */
public final class MixTap {
    private final float[] ring;
    private final int mask;
    private volatile long written;
    private volatile long read;
    private volatile long dropped;

    /** @param seconds how much sound it holds for a late reader */
    public MixTap(double seconds) {
        int wanted = (int) Math.ceil(seconds * AudioOutput.RATE * 2);
        int capacity = Integer.highestOneBit(Math.max(2, wanted - 1)) << 1;
        this.ring = new float[capacity];
        this.mask = capacity - 1;
    }

    /** Audio thread: appends {@code samples[0, count)}, or drops them all when they do not fit. */
    void write(float[] samples, int count) {
        long w = written;
        if (count > ring.length - (w - read)) {
            dropped += count;
            return;
        }
        for (int i = 0; i < count; i++) {
            ring[(int) ((w + i) & mask)] = samples[i];
        }
        written = w + count;
    }

    /**
     * An input's thread: appends mono {@code samples[0, count)} as stereo (each sample on both channels), or
     * drops them all when they do not fit.
     */
    public void writeMono(float[] samples, int count) {
        long w = written;
        if (2L * count > ring.length - (w - read)) {
            dropped += 2L * count;
            return;
        }
        for (int i = 0; i < count; i++) {
            ring[(int) ((w + 2L * i) & mask)] = samples[i];
            ring[(int) ((w + 2L * i + 1) & mask)] = samples[i];
        }
        written = w + 2L * count;
    }

    /** Reader: moves up to {@code into.length} samples (a whole number of stereo frames) into {@code into}; returns how many. */
    public int read(float[] into) {
        return read(into, into.length);
    }

    /** Reader: moves up to {@code max} samples (a whole number of stereo frames) into {@code into}; returns how many. */
    public int read(float[] into, int max) {
        long r = read;
        int count = (int) Math.min(Math.min(max, into.length) & ~1, written - r);
        for (int i = 0; i < count; i++) {
            into[i] = ring[(int) ((r + i) & mask)];
        }
        read = r + count;
        return count;
    }

    /** Reader: forgets what has come so far (a recording starts from now). */
    public void skip() {
        read = written;
    }

    /** Samples dropped because the reader was late. */
    public long dropped() {
        return dropped;
    }
}
