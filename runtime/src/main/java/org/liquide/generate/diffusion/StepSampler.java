package org.liquide.generate.diffusion;

/** Each image denoised in its own call, one UNet call per step, the latents advanced in place. */
final class StepSampler implements Sampler {
    private final Denoiser denoiser;
    private final float[][] latents = new float[1][];
    private final int[][] schedules = new int[1][];
    private final int[] steps = new int[1];

    StepSampler(Denoiser denoiser) {
        this.denoiser = denoiser;
    }

    @Override
    public float[] sample(float[] noised, int[] schedule, long seed) {
        latents[0] = noised;
        schedules[0] = schedule;
        for (int step = 0; step < schedule.length; step++) {
            steps[0] = step;
            denoiser.advance(latents, schedules, steps, 1, seed);
        }
        latents[0] = null;
        return noised;
    }

    @Override
    public int imagesBehind() {
        return 0;
    }

    @Override
    public void reset() {
    }

    @Override
    public String description() {
        return "step by step";
    }
}
