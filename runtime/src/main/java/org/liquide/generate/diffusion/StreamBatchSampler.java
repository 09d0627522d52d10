package org.liquide.generate.diffusion;

/**
 * StreamDiffusion's stream batch: the latents of the last {@code depth} images wait at successive steps, and
 * each call advances all of them in one UNet batch, the newest at its first step, the oldest at its last.
 * One image is finished per call, {@code depth − 1} calls after its camera image came in.
 * <p>
 * Slot k holds latents that have had k + 1 steps at the end of a call, and moves to slot k + 1 at the next.
 * Each slot keeps the schedule it started on, so a strength that moves applies from the next image on and
 * no latent changes schedule halfway. The first call, and the first after a new seed or a {@link #reset},
 * runs its image step by step and keeps the latents after each step in the slots: that call finishes its
 * own image, and the stream is full from the next one.
 */
final class StreamBatchSampler implements Sampler {
    private final Denoiser denoiser;
    private final int depth;
    private final int count;
    private final float[][] slots;
    private final int[][] schedules;
    private final int[] stepOfSlot;
    private final float[][] primed = new float[1][];
    private final int[][] primedSchedule = new int[1][];
    private final int[] primedStep = new int[1];
    private boolean full;
    private long seed;

    /** A stream of {@code depth} images (the schedules' length, at least 2). */
    StreamBatchSampler(Denoiser denoiser, int depth) {
        if (depth < 2) {
            throw new IllegalArgumentException("a stream batch needs at least 2 steps, got " + depth);
        }
        this.denoiser = denoiser;
        this.depth = depth;
        this.count = denoiser.latentCount();
        this.slots = new float[depth][count];
        this.schedules = new int[depth][];
        this.stepOfSlot = new int[depth];
        for (int k = 0; k < depth; k++) {
            stepOfSlot[k] = k;
        }
    }

    @Override
    public float[] sample(float[] noised, int[] schedule, long forSeed) {
        if (schedule.length != depth) {
            throw new IllegalArgumentException("a stream of " + depth + " steps was given " + schedule.length);
        }
        if (!full || forSeed != seed) {
            return fill(noised, schedule, forSeed);
        }
        float[] free = slots[depth - 1];
        for (int k = depth - 1; k > 0; k--) {
            slots[k] = slots[k - 1];
            schedules[k] = schedules[k - 1];
        }
        slots[0] = free;
        schedules[0] = schedule;
        System.arraycopy(noised, 0, free, 0, count);
        denoiser.advance(slots, schedules, stepOfSlot, depth, seed);
        return slots[depth - 1];
    }

    /** Runs the image step by step; after step k + 1 its latents are slot k's, ready for the next call. */
    private float[] fill(float[] noised, int[] schedule, long forSeed) {
        float[] work = slots[depth - 1];
        System.arraycopy(noised, 0, work, 0, count);
        primed[0] = work;
        primedSchedule[0] = schedule;
        for (int step = 0; step < depth; step++) {
            primedStep[0] = step;
            denoiser.advance(primed, primedSchedule, primedStep, 1, forSeed);
            if (step < depth - 1) {
                System.arraycopy(work, 0, slots[step], 0, count);
            }
            schedules[step] = schedule;
        }
        seed = forSeed;
        full = true;
        return work;
    }

    @Override
    public int imagesBehind() {
        return depth - 1;
    }

    @Override
    public void reset() {
        full = false;
    }

    @Override
    public String description() {
        int late = depth - 1;
        return "stream batch of " + depth + " (an image comes out " + late + (late == 1 ? " call" : " calls")
                + " after its camera image)";
    }
}
