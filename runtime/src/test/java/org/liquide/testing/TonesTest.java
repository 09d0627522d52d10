package org.liquide.testing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The measures the sound tests rely on. */
class TonesTest {
    private static final int RATE = 48_000;

    @Test
    void theAmplitudeOfEachPitchReadsTheSameInAMixOfTwo() {
        float[] low = Tones.sine(880, 0.2, 0.05, RATE);
        float[] high = Tones.sine(1320, 0.4, 0.05, RATE);
        float[] mix = new float[low.length];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = low[i] + high[i];
        }
        assertEquals(0.2, Tones.amplitude(mix, 0, mix.length, 880, RATE), 0.01);
        assertEquals(0.4, Tones.amplitude(mix, 0, mix.length, 1320, RATE), 0.01);
        assertEquals(0.0, Tones.amplitude(mix, 0, mix.length, 440, RATE), 0.01);
        assertEquals(0.2, Tones.amplitude(low, 0, low.length, 880, RATE), 0.01);
    }
}
