package org.liquide.render.generated;

import org.liquide.generate.GenerationParams;
import org.liquide.render.FrameClock;
import org.liquide.render.FrameTask;

/**
 * Moves the latent vector slowly on its own (each component a slow sine with its own period), so the
 * generated layer lives even when no visitor steers it.
 */
public final class LatentDrift implements FrameTask {
    private final GenerationParams params;
    private final double[] periods = {47, 61, 73, 89, 97, 113, 127, 139};
    private final double amplitude;
    private final boolean[] steeredElsewhere;

    public LatentDrift(GenerationParams params, double amplitude) {
        this(params, amplitude, new boolean[GenerationParams.LATENT_SIZE]);
    }

    /** @param steeredElsewhere components a mapping or a cue sets: the drift leaves them alone */
    public LatentDrift(GenerationParams params, double amplitude, boolean[] steeredElsewhere) {
        this.params = params;
        this.amplitude = amplitude;
        this.steeredElsewhere = steeredElsewhere.clone();
    }

    @Override
    public void beforeFrame(FrameClock clock) {
        float[] latent = params.latent();
        double t = clock.seconds();
        for (int i = 0; i < latent.length; i++) {
            if (steeredElsewhere[i]) {
                continue;
            }
            latent[i] = (float) (amplitude * Math.sin(2 * Math.PI * t / periods[i] + i * 1.7));
        }
    }
}
