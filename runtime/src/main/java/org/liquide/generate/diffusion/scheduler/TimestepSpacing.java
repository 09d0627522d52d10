package org.liquide.generate.diffusion.scheduler;

import java.util.Locale;

/**
 * How denoising timesteps spread over the noise range (diffusers' {@code timestep_spacing}), here over the
 * part of the range an img2img strength uses: with strength s, k steps are chosen as diffusers would for
 * k/s steps over the whole range, keeping the last k. Strength 1 gives diffusers' schedule exactly.
 */
public enum TimestepSpacing {
    TRAILING,
    LEADING,
    LINSPACE;

    static TimestepSpacing parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unsupported timestep_spacing '" + text
                    + "': expected trailing, leading or linspace");
        }
    }

    /** The k timesteps, highest first, for strength s in (0, 1] and T training timesteps. */
    int[] timesteps(int steps, double strength, int trainTimesteps, int stepsOffset) {
        double span = strength * trainTimesteps;
        int[] timesteps = new int[steps];
        for (int i = 0; i < steps; i++) {
            double t = switch (this) {
                case TRAILING -> Math.round(span - i * span / steps) - 1;
                case LEADING -> (steps - 1 - i) * Math.floor(span / steps) + stepsOffset;
                case LINSPACE -> steps == 1 ? span - 1 : Math.round((span - 1) * (steps - 1 - i) / (steps - 1));
            };
            timesteps[i] = (int) Math.max(0, Math.min(trainTimesteps - 1, t));
        }
        return timesteps;
    }
}
