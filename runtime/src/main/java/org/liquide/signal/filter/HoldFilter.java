package org.liquide.signal.filter;

/**
 * Holds a peak for {@code seconds} before following a falling value again: a visitor who was present
 * a moment ago still counts as present.
 */
public final class HoldFilter implements SignalFilter {
    private final double seconds;
    private boolean primed;
    private double held;
    private double sincePeak;

    public HoldFilter(double seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("hold time must be >= 0");
        }
        this.seconds = seconds;
    }

    @Override
    public double apply(double value, double dtSeconds) {
        if (!primed || value >= held) {
            primed = true;
            held = value;
            sincePeak = 0;
            return held;
        }
        sincePeak += Math.max(0, dtSeconds);
        if (sincePeak > seconds) {
            held = value;
            sincePeak = 0;
        }
        return held;
    }

    @Override
    public void reset() {
        primed = false;
    }
}
