package org.liquide.testing;

/** Test sounds and what tests measure on them: mono float samples in [-1, 1]. */
public final class Tones {
    private Tones() {
    }

    /** A sine of {@code seconds} at {@code hertz}, peak {@code amplitude}. */
    public static float[] sine(double hertz, double amplitude, double seconds, int rate) {
        float[] samples = new float[(int) Math.round(seconds * rate)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * hertz * i / rate));
        }
        return samples;
    }

    /** Silence with a short sine burst at the start of each period: clicks the onset detector must hear. */
    public static float[] bursts(double hertz, double amplitude, double burstSeconds, double periodSeconds, int periods, int rate) {
        int period = (int) Math.round(periodSeconds * rate);
        int burst = (int) Math.round(burstSeconds * rate);
        float[] samples = new float[period * periods];
        for (int p = 0; p < periods; p++) {
            for (int i = 0; i < burst; i++) {
                samples[p * period + i] = (float) (amplitude * Math.sin(2 * Math.PI * hertz * i / rate));
            }
        }
        return samples;
    }

    /** Writes mono samples as a 16-bit WAV file. */
    public static java.nio.file.Path writeWav(java.nio.file.Path file, float[] samples, int rate) throws java.io.IOException {
        return org.liquide.sound.decode.WavWriter.write(file, samples, rate);
    }

    /** Root mean square of {@code samples[from, to)}. */
    public static double rms(float[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += samples[i] * (double) samples[i];
        }
        return to > from ? Math.sqrt(sum / (to - from)) : 0;
    }

    /** The frequency of a steady tone in {@code samples[from, to)}, from its rising zero crossings (interpolated). */
    public static double frequency(float[] samples, int from, int to, int rate) {
        double first = -1;
        double last = -1;
        int crossings = 0;
        for (int i = Math.max(from, 1); i < to; i++) {
            if (samples[i - 1] < 0 && samples[i] >= 0) {
                double at = i - 1 + samples[i - 1] / (double) (samples[i - 1] - samples[i]);
                if (first < 0) {
                    first = at;
                } else {
                    crossings++;
                }
                last = at;
            }
        }
        return crossings == 0 ? 0 : crossings * rate / (last - first);
    }

    /**
     * The amplitude of the {@code hertz} component of {@code samples[from, to)} (Goertzel's single-bin DFT): a
     * sine of peak {@code a} at that frequency reads about {@code a}, whatever else sounds with it.
     */
    public static double amplitude(float[] samples, int from, int to, double hertz, int rate) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hertz / rate);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = from; i < to; i++) {
            double s = samples[i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = s;
        }
        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        return to > from ? 2 * Math.sqrt(Math.max(0, power)) / (to - from) : 0;
    }
}
