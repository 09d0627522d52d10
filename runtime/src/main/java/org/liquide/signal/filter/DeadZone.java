package org.liquide.signal.filter;

/** Values within {@code width} of {@code center} become {@code center}: a resting fader or pad reads as still. */
public final class DeadZone implements SignalFilter {
    private final double center;
    private final double width;

    public DeadZone(double center, double width) {
        if (width < 0) {
            throw new IllegalArgumentException("dead zone width must be >= 0");
        }
        this.center = center;
        this.width = width;
    }

    @Override
    public double apply(double value, double dtSeconds) {
        return Math.abs(value - center) <= width ? center : value;
    }

    @Override
    public void reset() {
        // Stateless.
    }
}
