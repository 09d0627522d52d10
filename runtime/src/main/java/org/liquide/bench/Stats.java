package org.liquide.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * A summary of repeated measurements: the median and the spread (minimum, maximum, quartiles) over
 * {@code n} samples. Tables show the median with min–max; the quartiles are kept for the notes.
 */
public record Stats(double median, double min, double max, double q1, double q3, int n) {

    public static Stats of(double... samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Stats(quantile(sorted, 0.5), sorted[0], sorted[sorted.length - 1],
                quantile(sorted, 0.25), quantile(sorted, 0.75), sorted.length);
    }

    /** The q-quantile of sorted values, interpolated between neighbours. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        double fraction = position - below;
        return sorted[below] + (sorted[above] - sorted[below]) * fraction;
    }

    /** The p-quantile of unsorted samples (p95 for latencies, say). */
    public static double percentile(double[] samples, double p) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return quantile(sorted, p);
    }

    /**
     * The median of the ratios a[i] / b[i] of windows measured one after the other: a change in the
     * machine's load between windows cancels out of it better than out of a ratio of medians.
     */
    public static double pairedRatio(double[] a, double[] b) {
        double[] ratios = new double[Math.min(a.length, b.length)];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = a[i] / b[i];
        }
        return quantile(sortedCopy(ratios), 0.5);
    }

    private static double[] sortedCopy(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    public boolean isFinite() {
        return Double.isFinite(median) && Double.isFinite(min) && Double.isFinite(max);
    }

    /** "15.2 fps (14.9–15.5, n=5)"; a single sample shows alone. */
    public String format(String unit) {
        String value = number(median) + (unit.isEmpty() ? "" : " " + unit);
        if (n == 1 || min == max) {
            return value + " (n=" + n + ")";
        }
        return value + " (" + number(min) + "–" + number(max) + ", n=" + n + ")";
    }

    /** Three significant figures or so, without exponent notation. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 || magnitude == 0 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
