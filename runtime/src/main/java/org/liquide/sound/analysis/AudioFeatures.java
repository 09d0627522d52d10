package org.liquide.sound.analysis;

/**
 * What the analysis of one input measures, updated in place at each hop by its analyser (one thread).
 *
 * <ul>
 *   <li>{@code levelDb}: RMS in dBFS with a meter's ballistics (10 ms attack, 300 ms release); a full-scale
 *   sine reads -3 dBFS; silence reads {@link #FLOOR_DB}.</li>
 *   <li>{@code peakDb}: sample peak in dBFS, held then falling at 20 dB/s.</li>
 *   <li>{@code bands}: {@link #BANDS} octave bands centred on 62.5 Hz … 8 kHz, each 0 (at -60 dBFS or
 *   below) to 1 (a full-scale sine in the band), with 10 ms attack and 200 ms release.</li>
 *   <li>{@code centroidHz}: the spectral centroid (the brightness), smoothed over 50 ms; 0 in silence.</li>
 *   <li>{@code onset}: 1 at each onset (a rise of spectral flux above its recent mean), falling with a
 *   100 ms time constant; {@code onsets} counts them.</li>
 * </ul>
 */
public final class AudioFeatures {
    public static final int BANDS = 8;
    public static final double FLOOR_DB = -100;
    /** Centre frequencies of the octave bands. */
    public static final double[] BAND_CENTRES_HZ = {62.5, 125, 250, 500, 1000, 2000, 4000, 8000};

    double levelDb = FLOOR_DB;
    double peakDb = FLOOR_DB;
    final double[] bands = new double[BANDS];
    double centroidHz;
    double onset;
    long onsets;

    public double levelDb() {
        return levelDb;
    }

    public double peakDb() {
        return peakDb;
    }

    public double band(int index) {
        return bands[index];
    }

    /** The bands array itself (read it on the analyser's thread, or copy it). */
    public double[] bands() {
        return bands;
    }

    public double centroidHz() {
        return centroidHz;
    }

    public double onset() {
        return onset;
    }

    public long onsets() {
        return onsets;
    }
}
