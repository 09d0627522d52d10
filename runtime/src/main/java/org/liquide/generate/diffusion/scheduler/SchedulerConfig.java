package org.liquide.generate.diffusion.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The parts of a diffusers {@code scheduler_config.json} a few-step img2img sampler needs. Missing keys
 * take diffusers' defaults, except the spacing, which defaults to {@code trailing} (what few-step models
 * are sampled with).
 */
public record SchedulerConfig(String className, int trainTimesteps, double betaStart, double betaEnd,
                              String betaSchedule, PredictionType predictionType, TimestepSpacing spacing,
                              int stepsOffset, double timestepScaling, boolean setAlphaToOne) {

    /** SD-Turbo's: Euler, scaled-linear betas 0.00085 to 0.012, epsilon prediction, trailing spacing. */
    public static SchedulerConfig sdTurbo() {
        return new SchedulerConfig("EulerDiscreteScheduler", 1000, 0.00085, 0.012, "scaled_linear",
                PredictionType.EPSILON, TimestepSpacing.TRAILING, 1, 10.0, false);
    }

    public static SchedulerConfig read(Path file) throws IOException {
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        SchedulerConfig defaults = sdTurbo();
        return new SchedulerConfig(
                json.path("_class_name").asText(defaults.className()),
                json.path("num_train_timesteps").asInt(defaults.trainTimesteps()),
                json.path("beta_start").asDouble(defaults.betaStart()),
                json.path("beta_end").asDouble(defaults.betaEnd()),
                json.path("beta_schedule").asText(defaults.betaSchedule()),
                PredictionType.parse(json.path("prediction_type").asText("epsilon")),
                TimestepSpacing.parse(json.path("timestep_spacing").asText("trailing")),
                json.path("steps_offset").asInt(0),
                json.path("timestep_scaling").asDouble(10.0),
                json.path("set_alpha_to_one").asBoolean(!json.path("_class_name").asText("").equals("DDIMScheduler")));
    }

    public boolean isLcm() {
        return className.toLowerCase(Locale.ROOT).startsWith("lcm");
    }
}
