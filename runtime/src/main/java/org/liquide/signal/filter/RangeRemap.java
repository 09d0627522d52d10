package org.liquide.signal.filter;

/**
 * Maps [inLow, inHigh] onto [outLow, outHigh] through a curve, clamping outside the input range.
 * Reversed ranges are allowed (a distance of 300 mm → 1, 2500 mm → 0).
 */
public final class RangeRemap implements SignalFilter {
    private final double inLow;
    private final double inHigh;
    private final double outLow;
    private final double outHigh;
    private final Curve curve;
    private final double gamma;

    public RangeRemap(double inLow, double inHigh, double outLow, double outHigh, Curve curve, double gamma) {
        if (inLow == inHigh) {
            throw new IllegalArgumentException("remap input range is empty");
        }
        if (curve == Curve.GAMMA && gamma <= 0) {
            throw new IllegalArgumentException("gamma must be > 0");
        }
        this.inLow = inLow;
        this.inHigh = inHigh;
        this.outLow = outLow;
        this.outHigh = outHigh;
        this.curve = curve;
        this.gamma = gamma;
    }

    @Override
    public double apply(double value, double dtSeconds) {
        double t = (value - inLow) / (inHigh - inLow);
        t = Math.max(0, Math.min(1, t));
        return outLow + (outHigh - outLow) * curve.shape(t, gamma);
    }

    @Override
    public void reset() {
        // Stateless.
    }
}
