package org.liquide.generate.diffusion.scheduler;

/**
 * A few-step img2img sampler over flat latent arrays. Per image: {@link #timesteps}, {@link #addNoise} to
 * the encoded input at the first timestep, then for each step scale the UNet input by
 * {@link #inputScale} and apply {@link #step}.
 */
public abstract sealed class Scheduler permits EulerScheduler, LcmScheduler {
    /** The training noise schedule of {@link #config()}. */
    final NoiseSchedule schedule;

    Scheduler(NoiseSchedule schedule) {
        this.schedule = schedule;
    }

    public static Scheduler of(SchedulerConfig config) {
        NoiseSchedule schedule = new NoiseSchedule(config);
        return config.isLcm() ? new LcmScheduler(schedule) : new EulerScheduler(schedule);
    }

    public SchedulerConfig config() {
        return schedule.config();
    }

    /** The timesteps for {@code steps} steps at img2img {@code strength} in (0, 1], highest first. */
    public int[] timesteps(int steps, double strength) {
        SchedulerConfig config = config();
        return config.spacing().timesteps(steps, strength, config.trainTimesteps(), config.stepsOffset());
    }

    /** {@code out = noisy version of clean at timestep}. */
    public abstract void addNoise(float[] clean, float[] noise, int timestep, float[] out, int count);

    /** What the latents are multiplied by before the UNet sees them at a timestep. */
    public abstract float inputScale(int timestep);

    /**
     * Advances {@code sample} in place from {@code timesteps[index]} using the UNet's output; {@code noise}
     * is fresh noise for samplers that re-noise between steps (ignored on the last step).
     */
    public abstract void step(float[] modelOutput, int[] timesteps, int index, float[] sample, float[] noise, int count);
}
