package org.liquide.generate.diffusion;

/** How noised latents are denoised over a schedule: each image step by step, or several in a stream batch. */
sealed interface Sampler permits StepSampler, StreamBatchSampler {
    /**
     * Takes the latents of a new image, noised at {@code schedule[0]} with the seed's starting noise, and
     * returns denoised latents to decode: this image's, or an earlier image's for a stream. The array
     * returned may be {@code noised} itself, and holds its values until the next call.
     */
    float[] sample(float[] noised, int[] schedule, long seed);

    /** How many calls late an image comes out: 0 step by step, the depth less one for a stream. */
    int imagesBehind();

    /** Forgets the images in flight: the next call starts afresh. */
    void reset();

    /** How it samples, for the log: "step by step", "stream batch of 2". */
    String description();
}
