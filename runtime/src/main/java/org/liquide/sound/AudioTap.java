package org.liquide.sound;

import java.util.concurrent.locks.StampedLock;

/**
 * The latest waveform and spectrum of the sound the shaders hear (ISF {@code audio} and
 * {@code audioFFT} inputs): the showcase's first audio input, or the file {@code liquide shader --audio}
 * plays. One producer (the input's thread) writes; any thread copies out with an optimistic read, never
 * blocking the producer and allocating nothing.
 */
public final class AudioTap {
    /** Samples of the waveform, oldest first, in [-1, 1]. */
    public static final int WAVEFORM = 1024;
    /** Amplitude bins from 0 Hz to half the rate (a full-scale sine's bin reads 1). */
    public static final int BINS = WAVEFORM / 2 + 1;
    private static final AudioTap SHARED = new AudioTap();

    private final float[] waveform = new float[WAVEFORM];
    private final float[] spectrum = new float[BINS];
    private final StampedLock lock = new StampedLock();
    private volatile long sequence;

    /** A tap of one's own (a render apart from the show's sound). */
    public AudioTap() {
    }

    /** The process's tap, which shader layers read. */
    public static AudioTap shared() {
        return SHARED;
    }

    /** Stores a new waveform ({@link #WAVEFORM} samples) and spectrum ({@link #BINS} bins). */
    public void publish(float[] newWaveform, float[] newSpectrum) {
        long stamp = lock.writeLock();
        try {
            System.arraycopy(newWaveform, 0, waveform, 0, WAVEFORM);
            System.arraycopy(newSpectrum, 0, spectrum, 0, BINS);
            sequence++;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** How many times it was published: 0 while nothing is heard. */
    public long sequence() {
        return sequence;
    }

    /** Copies the latest waveform and spectrum; returns their sequence number (0: never published). */
    public long read(float[] waveformInto, float[] spectrumInto) {
        while (true) {
            long stamp = lock.tryOptimisticRead();
            if (stamp == 0L) {
                Thread.onSpinWait();
                continue;
            }
            System.arraycopy(waveform, 0, waveformInto, 0, WAVEFORM);
            System.arraycopy(spectrum, 0, spectrumInto, 0, BINS);
            long seen = sequence;
            if (lock.validate(stamp)) {
                return seen;
            }
        }
    }
}
