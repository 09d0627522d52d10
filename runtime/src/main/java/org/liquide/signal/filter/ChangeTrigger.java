package org.liquide.signal.filter;

/**
 * Turns a value into events: 1 for exactly one evaluation when the value crosses the threshold
 * upwards ({@link Mode#RISING}), downwards ({@link Mode#FALLING}), or moves by at least
 * {@code threshold} since the last event ({@link Mode#CHANGE}); 0 otherwise.
 */
public final class ChangeTrigger implements SignalFilter {
    public enum Mode { RISING, FALLING, CHANGE }

    private final Mode mode;
    private final double threshold;
    private boolean primed;
    private double reference;

    public ChangeTrigger(Mode mode, double threshold) {
        if (mode == Mode.CHANGE && threshold <= 0) {
            throw new IllegalArgumentException("a change trigger needs a positive delta");
        }
        this.mode = mode;
        this.threshold = threshold;
    }

    @Override
    public double apply(double value, double dtSeconds) {
        if (!primed) {
            primed = true;
            reference = value;
            return 0;
        }
        boolean fired = switch (mode) {
            case RISING -> reference <= threshold && value > threshold;
            case FALLING -> reference >= threshold && value < threshold;
            case CHANGE -> Math.abs(value - reference) >= threshold;
        };
        if (mode != Mode.CHANGE || fired) {
            reference = value;
        }
        return fired ? 1 : 0;
    }

    @Override
    public void reset() {
        primed = false;
    }
}
