package org.liquide.generate.diffusion.scheduler;

import java.util.Locale;

/** What the UNet predicts. */
public enum PredictionType {
    /** The noise. */
    EPSILON,
    /** The velocity, as SD 2.x 768 models. */
    V_PREDICTION,
    /** The clean sample itself. */
    SAMPLE;

    static PredictionType parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unsupported prediction_type '" + text
                    + "': expected epsilon, v_prediction or sample");
        }
    }
}
