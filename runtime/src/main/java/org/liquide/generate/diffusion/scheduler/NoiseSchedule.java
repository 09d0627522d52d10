package org.liquide.generate.diffusion.scheduler;

/**
 * The training noise schedule of a scheduler's configuration: the cumulative product of (1 − beta) for
 * each training timestep.
 */
final class NoiseSchedule {
    private final SchedulerConfig config;
    private final double[] alphasCumprod;

    NoiseSchedule(SchedulerConfig config) {
        this.config = config;
        int count = config.trainTimesteps();
        alphasCumprod = new double[count];
        double product = 1.0;
        for (int t = 0; t < count; t++) {
            double fraction = count == 1 ? 0 : (double) t / (count - 1);
            double beta = switch (config.betaSchedule()) {
                case "scaled_linear" -> {
                    double root = Math.sqrt(config.betaStart())
                            + fraction * (Math.sqrt(config.betaEnd()) - Math.sqrt(config.betaStart()));
                    yield root * root;
                }
                case "linear" -> config.betaStart() + fraction * (config.betaEnd() - config.betaStart());
                default -> throw new IllegalArgumentException("unsupported beta_schedule '" + config.betaSchedule()
                        + "': expected scaled_linear or linear");
            };
            product *= 1.0 - beta;
            alphasCumprod[t] = product;
        }
    }

    SchedulerConfig config() {
        return config;
    }

    double alphaCumprod(int timestep) {
        return alphasCumprod[timestep];
    }

    /** The Karras/Euler noise level of a timestep: sqrt((1 − ᾱ) / ᾱ). */
    double sigma(int timestep) {
        double alpha = alphasCumprod[timestep];
        return Math.sqrt((1 - alpha) / alpha);
    }
}
