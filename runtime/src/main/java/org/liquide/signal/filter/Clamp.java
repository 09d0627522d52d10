package org.liquide.signal.filter;

/** Keeps values within [min, max]. */
public final class Clamp implements SignalFilter {
    private final double min;
    private final double max;

    public Clamp(double min, double max) {
        if (min > max) {
            throw new IllegalArgumentException("clamp needs min <= max");
        }
        this.min = min;
        this.max = max;
    }

    @Override
    public double apply(double value, double dtSeconds) {
        return Math.max(min, Math.min(max, value));
    }

    @Override
    public void reset() {
        // Stateless.
    }
}
