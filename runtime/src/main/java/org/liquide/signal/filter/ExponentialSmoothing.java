package org.liquide.signal.filter;

/**
 * Exponential smoothing with a time constant, so it behaves the same at any frame rate: after
 * {@code seconds}, the output has covered 63 % of a step.
 */
public final class ExponentialSmoothing implements SignalFilter {
    private final double seconds;
    private boolean primed;
    private double state;

    public ExponentialSmoothing(double seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("smoothing time must be >= 0");
        }
        this.seconds = seconds;
    }

    @Override
    public double apply(double value, double dtSeconds) {
        if (!primed || seconds == 0) {
            primed = true;
            state = value;
            return state;
        }
        double alpha = 1 - Math.exp(-Math.max(0, dtSeconds) / seconds);
        state += alpha * (value - state);
        return state;
    }

    @Override
    public void reset() {
        primed = false;
    }
}
