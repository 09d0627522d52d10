package org.liquide.generate.diffusion;

import org.liquide.generate.noise.SeededGaussian;

/**
 * The Gaussian noise of a seed, fixed: the same seed gives the same noise every frame, so a still scene
 * gives a still image and a moving one changes only where it moves. One array for the start of the
 * sampling and one per later step (LCM re-noises between steps); drawn again only when the seed, the
 * latent size or the number of steps changes. Step i's noise does not depend on how many steps exist.
 */
final class LatentNoise {
    private float[][] arrays = new float[0][];
    private long seed;
    private int count = -1;

    /** The noise for step {@code index} (0: the starting noise). */
    float[] get(long forSeed, int latentCount, int index) {
        boolean same = forSeed == seed && latentCount == count;
        if (!same || index >= arrays.length) {
            int steps = Math.max(index + 1, same ? arrays.length : 0);
            SeededGaussian random = new SeededGaussian(forSeed);
            arrays = new float[steps][];
            for (int i = 0; i < steps; i++) {
                arrays[i] = random.array(latentCount, 1f);
            }
            seed = forSeed;
            count = latentCount;
        }
        return arrays[index];
    }
}
