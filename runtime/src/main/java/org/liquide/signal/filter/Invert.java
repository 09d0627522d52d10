package org.liquide.signal.filter;

/** Turns a range upside down: {@code min + max - value} (1 - value for the default [0,1]). */
public final class Invert implements SignalFilter {
    private final double min;
    private final double max;

    public Invert(double min, double max) {
        this.min = min;
        this.max = max;
    }

    @Override
    public double apply(double value, double dtSeconds) {
        return min + max - value;
    }

    @Override
    public void reset() {
        // Stateless.
    }
}
