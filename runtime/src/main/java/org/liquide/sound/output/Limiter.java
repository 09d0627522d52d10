package org.liquide.sound.output;

/**
 * The room's limiter: no sample leaves above the ceiling, whatever the gains and mappings do. The gain
 * drops at once to what the loudest channel needs (no overshoot, no look-ahead) and recovers with a
 * 100 ms release. Audio thread only.
 */
final class Limiter {
    private final float ceiling;
    private final float release;
    private float gain = 1;
    private long limitedFrames;

    Limiter(double ceilingDb, int rate) {
        this.ceiling = (float) Math.pow(10, ceilingDb / 20);
        this.release = (float) (1 - Math.exp(-1.0 / (0.1 * rate)));
    }

    /** Limits interleaved stereo {@code mix[0, 2 × frames)} in place. */
    void process(float[] mix, int frames) {
        for (int f = 0; f < frames; f++) {
            float peak = Math.max(Math.abs(mix[2 * f]), Math.abs(mix[2 * f + 1]));
            gain += (1 - gain) * release;
            if (peak * gain > ceiling) {
                gain = ceiling / peak;
                limitedFrames++;
            }
            mix[2 * f] *= gain;
            mix[2 * f + 1] *= gain;
        }
    }

    /** Frames the limiter had to turn down so far. */
    long limitedFrames() {
        return limitedFrames;
    }
}
