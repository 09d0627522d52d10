package org.liquide.sound.decode;

/**
 * A whole sound in memory: interleaved float samples in [-1, 1] at {@code rate} with {@code channels}
 * channels, decoded once, off the threads that play or analyse it.
 */
public record DecodedSound(float[] samples, int rate, int channels) {
    public DecodedSound {
        if (channels < 1 || rate < 1 || samples.length % channels != 0) {
            throw new IllegalArgumentException("bad sound: " + samples.length + " samples, " + channels + " channels, " + rate + " Hz");
        }
    }

    /** Frames (a sample per channel). */
    public int frames() {
        return samples.length / channels;
    }

    public double seconds() {
        return frames() / (double) rate;
    }

    /** The sound folded to one channel (the mean of its channels). */
    public DecodedSound mono() {
        if (channels == 1) {
            return this;
        }
        float[] mono = new float[frames()];
        for (int f = 0; f < mono.length; f++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += samples[f * channels + c];
            }
            mono[f] = sum / channels;
        }
        return new DecodedSound(mono, rate, 1);
    }
}
