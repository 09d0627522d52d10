package org.liquide.generate.diffusion.scheduler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.generate.noise.SeededGaussian;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class SchedulerTest {
    private static SchedulerConfig config(String className, TimestepSpacing spacing, PredictionType prediction) {
        SchedulerConfig base = SchedulerConfig.sdTurbo();
        return new SchedulerConfig(className, base.trainTimesteps(), base.betaStart(), base.betaEnd(),
                base.betaSchedule(), prediction, spacing, 1, 10.0, true);
    }

    @Test
    void timestepsFollowDiffusersSpacing() {
        Scheduler trailing = Scheduler.of(config("EulerDiscreteScheduler", TimestepSpacing.TRAILING, PredictionType.EPSILON));
        assertArrayEquals(new int[]{999}, trailing.timesteps(1, 1.0));
        assertArrayEquals(new int[]{999, 749, 499, 249}, trailing.timesteps(4, 1.0));
        assertArrayEquals(new int[]{499}, trailing.timesteps(1, 0.5), "SD-Turbo img2img: 2 steps at strength 0.5");
        assertArrayEquals(new int[]{499, 249}, trailing.timesteps(2, 0.5));

        Scheduler leading = Scheduler.of(config("LCMScheduler", TimestepSpacing.LEADING, PredictionType.EPSILON));
        assertArrayEquals(new int[]{751, 501, 251, 1}, leading.timesteps(4, 1.0));
        assertArrayEquals(new int[]{251, 1}, leading.timesteps(2, 0.5));

        Scheduler linspace = Scheduler.of(config("EulerDiscreteScheduler", TimestepSpacing.LINSPACE, PredictionType.EPSILON));
        assertArrayEquals(new int[]{999, 666, 333, 0}, linspace.timesteps(4, 1.0));
    }

    @Test
    void readsDiffusersConfigFiles(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("scheduler_config.json"), """
                {"_class_name": "LCMScheduler", "beta_start": 0.001, "beta_end": 0.02, "beta_schedule": "linear",
                 "num_train_timesteps": 500, "prediction_type": "v_prediction", "timestep_spacing": "leading",
                 "steps_offset": 1, "original_inference_steps": 50}""");
        SchedulerConfig config = SchedulerConfig.read(file);
        assertTrue(config.isLcm());
        assertEquals(500, config.trainTimesteps());
        assertEquals(PredictionType.V_PREDICTION, config.predictionType());
        assertEquals(TimestepSpacing.LEADING, config.spacing());
        assertEquals("linear", config.betaSchedule());
        assertInstanceOf(LcmScheduler.class, Scheduler.of(config));

        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"prediction_type\": \"flow\"}");
        assertThrows(IllegalArgumentException.class, () -> SchedulerConfig.read(bad));
    }

    @Test
    void eulerSigmasMatchStableDiffusion() {
        EulerScheduler euler = (EulerScheduler) Scheduler.of(SchedulerConfig.sdTurbo());
        // sigma(999) for scaled-linear 0.00085..0.012 over 1000 steps is 14.6146 (diffusers' init_noise_sigma).
        assertEquals(1 / Math.sqrt(14.6146 * 14.6146 + 1), euler.inputScale(999), 1e-4);
        float[] clean = {0.5f};
        float[] out = new float[1];
        euler.addNoise(clean, new float[]{1f}, 999, out, 1);
        assertEquals(0.5 + 14.6146, out[0], 1e-3);
    }

    @Test
    void aPerfectNoisePredictionRecoversTheCleanLatents() {
        for (String name : new String[]{"EulerDiscreteScheduler", "LCMScheduler"}) {
            for (PredictionType prediction : PredictionType.values()) {
                Scheduler scheduler = Scheduler.of(config(name, TimestepSpacing.TRAILING, prediction));
                int count = 64;
                float[] clean = new SeededGaussian(1).array(count, 1f);
                float[] noise = new SeededGaussian(2).array(count, 1f);
                int[] timesteps = scheduler.timesteps(3, 0.8);
                float[] sample = new float[count];
                scheduler.addNoise(clean, noise, timesteps[0], sample, count);
                for (int step = 0; step < timesteps.length; step++) {
                    float[] output = oracle(scheduler, prediction, timesteps[step], sample, clean, count);
                    float[] fresh = new SeededGaussian(10 + step).array(count, 1f);
                    scheduler.step(output, timesteps, step, sample, fresh, count);
                }
                for (int i = 0; i < count; i++) {
                    assertEquals(clean[i], sample[i], 2e-2, name + " " + prediction + " at " + i);
                }
            }
        }
    }

    /** What a perfect model would predict at timestep t for the current sample, given the clean latents. */
    private static float[] oracle(Scheduler scheduler, PredictionType prediction, int t, float[] sample, float[] clean,
                                  int count) {
        SchedulerConfig c = scheduler.config();
        NoiseSchedule schedule = new NoiseSchedule(c);
        double alpha = schedule.alphaCumprod(t);
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            // In DDPM terms the model sees x_t = sqrt(a) x0 + sqrt(1-a) eps; Euler keeps x = x0 + sigma eps.
            double xt = scheduler instanceof EulerScheduler ? sample[i] * scheduler.inputScale(t) : sample[i];
            double eps = (xt - Math.sqrt(alpha) * clean[i]) / Math.sqrt(1 - alpha);
            out[i] = (float) switch (prediction) {
                case EPSILON -> eps;
                case V_PREDICTION -> Math.sqrt(alpha) * eps - Math.sqrt(1 - alpha) * clean[i];
                case SAMPLE -> clean[i];
            };
        }
        return out;
    }
}
