package org.liquide.generate.noise;

import java.util.SplittableRandom;

/**
 * Standard normal numbers from a seed, the same sequence on every run and JDK: SplittableRandom's
 * algorithm is specified, and the Box-Muller transform on top of it is ours (the JDK's own
 * {@code nextGaussian} is free to change between releases).
 */
public final class SeededGaussian {
    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    public SeededGaussian(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public float next() {
        if (hasSpare) {
            hasSpare = false;
            return (float) spare;
        }
        double u1 = 1.0 - random.nextDouble(); // (0, 1]: log(u1) is finite
        double u2 = random.nextDouble();
        double radius = Math.sqrt(-2.0 * Math.log(u1));
        spare = radius * Math.sin(2.0 * Math.PI * u2);
        hasSpare = true;
        return (float) (radius * Math.cos(2.0 * Math.PI * u2));
    }

    /** Fills {@code target[0 .. count)} with normal numbers times {@code scale}. */
    public void fill(float[] target, int count, float scale) {
        for (int i = 0; i < count; i++) {
            target[i] = next() * scale;
        }
    }

    public float[] array(int count, float scale) {
        float[] values = new float[count];
        fill(values, count, scale);
        return values;
    }
}
