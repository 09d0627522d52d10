package org.liquide.generate;

import java.util.Arrays;

/**
 * What steers a generator for one image: a latent position, strength, prompt blend, seed and how much
 * of the camera flows in. Mutable and reused: the show writes one, each worker copies it before use.
 */
public final class GenerationParams {
    public static final int LATENT_SIZE = 8;

    private final float[] latent = new float[LATENT_SIZE];
    private float strength = 0.5f;
    private float promptBlend;
    private long seed = 1L;
    private float cameraMix = 0.5f;

    /** The latent vector; components are usually in [-1, 1]. Writable in place. */
    public float[] latent() {
        return latent;
    }

    /** img2img strength in [0, 1]: 0 keeps the input, 1 ignores it. */
    public float strength() {
        return strength;
    }

    public GenerationParams strength(float value) {
        this.strength = clamp01(value);
        return this;
    }

    /** Position between the first prompt (0) and the last (1). */
    public float promptBlend() {
        return promptBlend;
    }

    public GenerationParams promptBlend(float value) {
        this.promptBlend = clamp01(value);
        return this;
    }

    public long seed() {
        return seed;
    }

    public GenerationParams seed(long value) {
        this.seed = value;
        return this;
    }

    /** How much of the camera's colour flows into a generated image, in [0, 1]. */
    public float cameraMix() {
        return cameraMix;
    }

    public GenerationParams cameraMix(float value) {
        this.cameraMix = clamp01(value);
        return this;
    }

    public void copyFrom(GenerationParams other) {
        System.arraycopy(other.latent, 0, latent, 0, LATENT_SIZE);
        strength = other.strength;
        promptBlend = other.promptBlend;
        seed = other.seed;
        cameraMix = other.cameraMix;
    }

    private static float clamp01(float value) {
        return Float.isNaN(value) ? 0f : Math.max(0f, Math.min(1f, value));
    }

    @Override
    public String toString() {
        return "GenerationParams[latent=" + Arrays.toString(latent) + ", strength=" + strength + ", promptBlend="
                + promptBlend + ", seed=" + seed + ", cameraMix=" + cameraMix + "]";
    }
}
