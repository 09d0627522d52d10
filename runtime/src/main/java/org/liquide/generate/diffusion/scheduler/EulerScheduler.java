package org.liquide.generate.diffusion.scheduler;

/**
 * diffusers' {@code EulerDiscreteScheduler} (no churn, discrete timesteps), as SD-Turbo ships it: latents
 * live at noise level sigma, the UNet sees them scaled to unit variance, each step moves along the
 * predicted direction to the next sigma (0 after the last).
 */
public final class EulerScheduler extends Scheduler {
    EulerScheduler(NoiseSchedule schedule) {
        super(schedule);
    }

    @Override
    public void addNoise(float[] clean, float[] noise, int timestep, float[] out, int count) {
        float sigma = (float) schedule.sigma(timestep);
        for (int i = 0; i < count; i++) {
            out[i] = clean[i] + noise[i] * sigma;
        }
    }

    @Override
    public float inputScale(int timestep) {
        double sigma = schedule.sigma(timestep);
        return (float) (1.0 / Math.sqrt(sigma * sigma + 1.0));
    }

    @Override
    public void step(float[] modelOutput, int[] timesteps, int index, float[] sample, float[] noise, int count) {
        double sigma = schedule.sigma(timesteps[index]);
        double next = index + 1 < timesteps.length ? schedule.sigma(timesteps[index + 1]) : 0.0;
        double dt = next - sigma;
        double variance = sigma * sigma + 1.0;
        PredictionType prediction = config().predictionType();
        for (int i = 0; i < count; i++) {
            double x = sample[i];
            double out = modelOutput[i];
            double denoised = switch (prediction) {
                case EPSILON -> x - sigma * out;
                case V_PREDICTION -> out * (-sigma / Math.sqrt(variance)) + x / variance;
                case SAMPLE -> out;
            };
            double derivative = (x - denoised) / sigma;
            sample[i] = (float) (x + derivative * dt);
        }
    }
}
