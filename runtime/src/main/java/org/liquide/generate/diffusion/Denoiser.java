package org.liquide.generate.diffusion;

import org.liquide.generate.diffusion.scheduler.Scheduler;

/**
 * The UNet and the scheduler together: one call advances a batch of latents by one step each, every latent
 * on its own schedule and at its own step, with the seed's fixed noise.
 */
final class Denoiser {
    private final Unet unet;
    private final Scheduler scheduler;
    private final LatentNoise noise = new LatentNoise();
    private final long[] latentShape;
    private final int count;
    private final float[][] predictions;
    private final int[] timesteps;
    private final float[] scales;

    /** For latents of {@code latentShape} ([1, c, h, w]), at most {@code maxBatch} per call. */
    Denoiser(Unet unet, Scheduler scheduler, long[] latentShape, int maxBatch) {
        this.unet = unet;
        this.scheduler = scheduler;
        this.latentShape = latentShape.clone();
        this.count = (int) (latentShape[1] * latentShape[2] * latentShape[3]);
        this.predictions = new float[maxBatch][count];
        this.timesteps = new int[maxBatch];
        this.scales = new float[maxBatch];
    }

    int latentCount() {
        return count;
    }

    /** The seed's starting noise, to noise the clean latents with at a schedule's first timestep. */
    float[] startNoise(long seed) {
        return noise.get(seed, count, 0);
    }

    /**
     * Advances {@code latents[k]} (for k below {@code batch}) from step {@code steps[k]} of {@code schedules[k]}
     * to the next, in one UNet call; in place.
     */
    void advance(float[][] latents, int[][] schedules, int[] steps, int batch, long seed) {
        for (int k = 0; k < batch; k++) {
            timesteps[k] = schedules[k][steps[k]];
            scales[k] = scheduler.inputScale(timesteps[k]);
        }
        unet.predict(latents, timesteps, scales, batch, latentShape, predictions);
        for (int k = 0; k < batch; k++) {
            scheduler.step(predictions[k], schedules[k], steps[k], latents[k], noise.get(seed, count, steps[k] + 1),
                    count);
        }
    }
}
