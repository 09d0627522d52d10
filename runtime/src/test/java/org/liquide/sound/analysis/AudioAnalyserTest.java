package org.liquide.sound.analysis;

import org.junit.jupiter.api.Test;
import org.liquide.testing.Tones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioAnalyserTest {
    private static final int RATE = 48_000;
    private static final int HOP = 512;

    @Test
    void aSineReadsItsLevelPeakBandAndCentroid() {
        AudioFeatures features = feed(Tones.sine(1000, 0.5, 1, RATE));
        assertEquals(20 * Math.log10(0.5 / Math.sqrt(2)), features.levelDb(), 0.3, "RMS level in dBFS");
        assertEquals(20 * Math.log10(0.5), features.peakDb(), 0.3, "peak in dBFS");
        assertEquals(1 + 20 * Math.log10(0.5) / 60, features.band(4), 0.05, "the 1 kHz band: -6 dBFS on a 60 dB scale");
        for (int b : new int[]{0, 1, 2, 6, 7}) {
            assertTrue(features.band(b) < 0.4, "band " + AudioFeatures.BAND_CENTRES_HZ[b] + " Hz stays low: " + features.band(b));
        }
        assertEquals(1000, features.centroidHz(), 100, "spectral centroid");
        assertEquals(1, features.onsets(), "a steady tone has one onset, its start");
    }

    @Test
    void eachBurstIsOneOnsetAndSilenceNone() {
        AudioFeatures features = feed(Tones.bursts(2000, 0.5, 0.05, 0.4, 8, RATE));
        assertEquals(8, features.onsets(), "onsets in eight bursts");
        AudioFeatures silence = feed(new float[RATE]);
        assertEquals(0, silence.onsets());
        assertEquals(AudioFeatures.FLOOR_DB, silence.levelDb());
        assertEquals(0, silence.band(3));
    }

    @Test
    void theOnsetPulseFallsAfterTheBurst() {
        AudioAnalyser analyser = new AudioAnalyser(RATE);
        AudioFeatures features = new AudioFeatures();
        float[] burst = Tones.bursts(2000, 0.5, 0.05, 0.2, 1, RATE);
        double highest = 0;
        for (int at = 0; at + HOP <= burst.length; at += HOP) {
            analyser.analyse(java.util.Arrays.copyOfRange(burst, at, at + HOP), HOP, features);
            highest = Math.max(highest, features.onset());
        }
        assertEquals(1, highest, 1e-9);
        assertTrue(features.onset() < 0.3, "150 ms after the onset, its pulse has fallen: " + features.onset());
    }

    private static AudioFeatures feed(float[] sound) {
        AudioAnalyser analyser = new AudioAnalyser(RATE);
        AudioFeatures features = new AudioFeatures();
        float[] hop = new float[HOP];
        for (int at = 0; at + HOP <= sound.length; at += HOP) {
            System.arraycopy(sound, at, hop, 0, HOP);
            analyser.analyse(hop, HOP, features);
        }
        return features;
    }
}
