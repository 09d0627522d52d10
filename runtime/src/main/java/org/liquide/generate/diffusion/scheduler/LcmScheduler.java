package org.liquide.generate.diffusion.scheduler;

/**
 * diffusers' {@code LCMScheduler}: each step predicts the clean latents through the consistency
 * boundary condition (c_skip, c_out) and, unless it is the last, re-noises them to the next timestep.
 */
public final class LcmScheduler extends Scheduler {
    private static final double SIGMA_DATA = 0.5;

    LcmScheduler(NoiseSchedule schedule) {
        super(schedule);
    }

    @Override
    public void addNoise(float[] clean, float[] noise, int timestep, float[] out, int count) {
        double alpha = schedule.alphaCumprod(timestep);
        float signal = (float) Math.sqrt(alpha);
        float spread = (float) Math.sqrt(1 - alpha);
        for (int i = 0; i < count; i++) {
            out[i] = signal * clean[i] + spread * noise[i];
        }
    }

    @Override
    public float inputScale(int timestep) {
        return 1f;
    }

    @Override
    public void step(float[] modelOutput, int[] timesteps, int index, float[] sample, float[] noise, int count) {
        int t = timesteps[index];
        boolean last = index + 1 >= timesteps.length;
        double alpha = schedule.alphaCumprod(t);
        double alphaNext = last ? (config().setAlphaToOne() ? 1.0 : schedule.alphaCumprod(0))
                : schedule.alphaCumprod(timesteps[index + 1]);
        double scaled = t * config().timestepScaling();
        double cSkip = SIGMA_DATA * SIGMA_DATA / (scaled * scaled + SIGMA_DATA * SIGMA_DATA);
        double cOut = scaled / Math.sqrt(scaled * scaled + SIGMA_DATA * SIGMA_DATA);
        double rootAlpha = Math.sqrt(alpha);
        double rootBeta = Math.sqrt(1 - alpha);
        double rootAlphaNext = Math.sqrt(alphaNext);
        double rootBetaNext = Math.sqrt(1 - alphaNext);
        PredictionType prediction = config().predictionType();
        for (int i = 0; i < count; i++) {
            double x = sample[i];
            double out = modelOutput[i];
            double predicted = switch (prediction) {
                case EPSILON -> (x - rootBeta * out) / rootAlpha;
                case V_PREDICTION -> rootAlpha * x - rootBeta * out;
                case SAMPLE -> out;
            };
            double denoised = cOut * predicted + cSkip * x;
            sample[i] = (float) (last ? denoised : rootAlphaNext * denoised + rootBetaNext * noise[i]);
        }
    }
}
