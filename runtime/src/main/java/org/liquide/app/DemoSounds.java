package org.liquide.app;

import org.liquide.sound.decode.WavWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The demo's sound files, computed rather than shipped: {@code tide.wav}, an 8 s bed of low partials
 * that swell like a slow sea and a soft wash, which loops without a seam (every partial and swell fits
 * the loop a whole number of times); and {@code chime.wav}, a 2 s bell struck when a visitor enters.
 */
final class DemoSounds {
    static final String TIDE = "tide.wav";
    static final String CHIME = "chime.wav";
    private static final int RATE = 48_000;

    private DemoSounds() {
    }

    /** Writes both files into {@code sceneFolder}. */
    static void writeInto(Path sceneFolder) throws IOException {
        WavWriter.write(sceneFolder.resolve(TIDE), tide(), RATE);
        WavWriter.write(sceneFolder.resolve(CHIME), chime(), RATE);
    }

    private static float[] tide() {
        double loop = 8;
        float[] samples = new float[(int) (loop * RATE)];
        double[] partials = {55, 82.5, 110, 165};
        double[] weights = {0.16, 0.09, 0.07, 0.035};
        SplittableRandom random = new SplittableRandom(2027);
        double wash = 0;
        for (int i = 0; i < samples.length; i++) {
            double t = i / (double) RATE;
            double value = 0;
            for (int p = 0; p < partials.length; p++) {
                double swell = 0.55 + 0.45 * Math.sin(2 * Math.PI * (p + 1) * t / loop + p);
                value += weights[p] * swell * Math.sin(2 * Math.PI * partials[p] * t);
            }
            wash += 0.02 * (random.nextDouble(-1, 1) - wash); // a low-passed noise: the wash of the waves
            double wave = Math.pow(Math.sin(Math.PI * 2 * t / loop), 2);
            value += 0.9 * wash * wave;
            samples[i] = (float) value;
        }
        return samples;
    }

    private static float[] chime() {
        float[] samples = new float[2 * RATE];
        double[] partials = {880, 880 * 2.76, 880 * 5.40};
        double[] weights = {0.35, 0.15, 0.06};
        double[] decays = {1.2, 0.6, 0.25};
        for (int i = 0; i < samples.length; i++) {
            double t = i / (double) RATE;
            double attack = Math.min(1, t / 0.004);
            double value = 0;
            for (int p = 0; p < partials.length; p++) {
                value += weights[p] * Math.exp(-t / decays[p]) * Math.sin(2 * Math.PI * partials[p] * t);
            }
            samples[i] = (float) (attack * value);
        }
        return samples;
    }
}
