package org.liquide.sound.analysis;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Measures one input's sound, a hop of samples at a time (mono, [-1, 1]): level, peak, octave bands,
 * spectral centroid and onsets, into an {@link AudioFeatures}. The spectrum is a {@value #FFT_SIZE}-point
 * FFT (JTransforms) of the latest samples under a Hann window, amplitudes scaled so that a full-scale
 * sine's bin reads 1. Owned by one thread; allocates nothing after construction.
 */
public final class AudioAnalyser {
    public static final int FFT_SIZE = 1024;
    public static final int BINS = FFT_SIZE / 2 + 1;
    private static final double BAND_FLOOR_DB = -60;
    private static final double PEAK_FALL_DB_PER_SECOND = 20;
    private static final double ONSET_DECAY_SECONDS = 0.1;
    private static final double ONSET_REFRACTORY_SECONDS = 0.08;
    private static final double ONSET_GATE_DB = -60;
    private static final double FLUX_MEMORY_SECONDS = 0.5;

    private final int rate;
    private final FloatFFT_1D fft = new FloatFFT_1D(FFT_SIZE);
    private final float[] window = new float[FFT_SIZE];
    private final float[] history = new float[FFT_SIZE];
    private final float[] work = new float[FFT_SIZE];
    private final float[] magnitudes = new float[BINS];
    private final float[] previousCompressed = new float[BINS];
    private final int[] bandFirstBin = new int[AudioFeatures.BANDS];
    private final int[] bandLastBin = new int[AudioFeatures.BANDS];
    private final Ballistics level = new Ballistics(0.01, 0.3);
    private final Ballistics[] bandMeters = new Ballistics[AudioFeatures.BANDS];
    private final Ballistics centroid = new Ballistics(0.05, 0.05);
    private final double[] fluxHistory;
    private final float amplitudeScale;
    private int fluxIndex;
    private int fluxCount;
    private double sinceOnsetSeconds = Double.MAX_VALUE;

    public AudioAnalyser(int rate) {
        this.rate = rate;
        double windowSum = 0;
        for (int i = 0; i < FFT_SIZE; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / FFT_SIZE));
            windowSum += window[i];
        }
        amplitudeScale = (float) (2 / windowSum);
        double binHz = rate / (double) FFT_SIZE;
        for (int b = 0; b < AudioFeatures.BANDS; b++) {
            double centre = AudioFeatures.BAND_CENTRES_HZ[b];
            bandFirstBin[b] = Math.max(1, (int) Math.ceil(centre / Math.sqrt(2) / binHz));
            bandLastBin[b] = Math.min(BINS - 1, Math.max(bandFirstBin[b], (int) Math.floor(centre * Math.sqrt(2) / binHz)));
            bandMeters[b] = new Ballistics(0.01, 0.2);
        }
        fluxHistory = new double[Math.max(4, (int) (FLUX_MEMORY_SECONDS * rate / 256))];
    }

    public int rate() {
        return rate;
    }

    /** Analyses {@code samples[0, count)}, the samples that arrived since the last call. */
    public void analyse(float[] samples, int count, AudioFeatures into) {
        if (count <= 0) {
            return;
        }
        double dt = count / (double) rate;
        double sumSquares = 0;
        double peak = 0;
        for (int i = 0; i < count; i++) {
            float s = samples[i];
            sumSquares += s * (double) s;
            peak = Math.max(peak, Math.abs(s));
        }
        push(samples, count);
        double rms = Math.sqrt(sumSquares / count);
        into.levelDb = decibels(level.update(rms, dt));
        into.peakDb = Math.max(decibels(peak), into.peakDb - PEAK_FALL_DB_PER_SECOND * dt);
        spectrum();
        bands(into, dt);
        centroid(into, dt);
        onsets(into, dt);
    }

    /** The latest amplitude spectrum, {@link #BINS} bins from 0 Hz to half the rate (read on the analyser's thread). */
    public float[] magnitudes() {
        return magnitudes;
    }

    /** The latest {@link #FFT_SIZE} samples, oldest first (read on the analyser's thread). */
    public float[] waveform() {
        return history;
    }

    private void push(float[] samples, int count) {
        if (count >= FFT_SIZE) {
            System.arraycopy(samples, count - FFT_SIZE, history, 0, FFT_SIZE);
        } else {
            System.arraycopy(history, count, history, 0, FFT_SIZE - count);
            System.arraycopy(samples, 0, history, FFT_SIZE - count, count);
        }
    }

    private void spectrum() {
        for (int i = 0; i < FFT_SIZE; i++) {
            work[i] = history[i] * window[i];
        }
        fft.realForward(work);
        magnitudes[0] = Math.abs(work[0]) * amplitudeScale / 2;
        magnitudes[BINS - 1] = Math.abs(work[1]) * amplitudeScale / 2;
        for (int k = 1; k < BINS - 1; k++) {
            float re = work[2 * k];
            float im = work[2 * k + 1];
            magnitudes[k] = (float) Math.sqrt(re * re + im * im) * amplitudeScale;
        }
    }

    private void bands(AudioFeatures into, double dt) {
        for (int b = 0; b < AudioFeatures.BANDS; b++) {
            double energy = 0;
            for (int k = bandFirstBin[b]; k <= bandLastBin[b]; k++) {
                energy += magnitudes[k] * (double) magnitudes[k];
            }
            // a Hann window spreads a sine over about 1.5 bins' worth of energy
            double amplitude = Math.sqrt(energy / 1.5);
            double normalised = Math.clamp((decibels(amplitude) - BAND_FLOOR_DB) / -BAND_FLOOR_DB, 0, 1);
            into.bands[b] = bandMeters[b].update(normalised, dt);
        }
    }

    private void centroid(AudioFeatures into, double dt) {
        double weighted = 0;
        double total = 0;
        double binHz = rate / (double) FFT_SIZE;
        for (int k = 1; k < BINS; k++) {
            weighted += k * binHz * magnitudes[k];
            total += magnitudes[k];
        }
        double hz = total > 1e-4 ? weighted / total : 0;
        into.centroidHz = centroid.update(hz, dt);
    }

    /** Spectral flux of log-compressed amplitudes against a threshold above its recent mean. */
    private void onsets(AudioFeatures into, double dt) {
        double flux = 0;
        for (int k = 1; k < BINS; k++) {
            float compressed = (float) Math.log1p(100 * magnitudes[k]);
            float rise = compressed - previousCompressed[k];
            if (rise > 0) {
                flux += rise;
            }
            previousCompressed[k] = compressed;
        }
        double mean = 0;
        for (int i = 0; i < fluxCount; i++) {
            mean += fluxHistory[i];
        }
        mean = fluxCount > 0 ? mean / fluxCount : 0;
        fluxHistory[fluxIndex] = flux;
        fluxIndex = (fluxIndex + 1) % fluxHistory.length;
        fluxCount = Math.min(fluxCount + 1, fluxHistory.length);
        sinceOnsetSeconds += dt;
        into.onset *= Math.exp(-dt / ONSET_DECAY_SECONDS);
        boolean loudEnough = into.levelDb > ONSET_GATE_DB;
        if (loudEnough && flux > 2 * mean + 5 && sinceOnsetSeconds >= ONSET_REFRACTORY_SECONDS) {
            into.onset = 1;
            into.onsets++;
            sinceOnsetSeconds = 0;
        }
    }

    private static double decibels(double amplitude) {
        return amplitude <= 1e-5 ? AudioFeatures.FLOOR_DB : Math.max(AudioFeatures.FLOOR_DB, 20 * Math.log10(amplitude));
    }
}
