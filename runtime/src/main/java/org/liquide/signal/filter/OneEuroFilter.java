package org.liquide.signal.filter;

/**
 * The 1€ filter (Casiez, Roussel, Vogel, CHI 2012): a low-pass whose cutoff rises with the signal's
 * speed, so a still hand is steady and a moving one is followed without lag.
 *
 * @param minCutoff cutoff in Hz at rest (lower: steadier)
 * @param beta      how much the cutoff rises with speed (higher: less lag)
 * @param derivativeCutoff cutoff in Hz of the speed estimate (1 Hz in the paper)
 */
public final class OneEuroFilter implements SignalFilter {
    private final double minCutoff;
    private final double beta;
    private final double derivativeCutoff;
    private boolean primed;
    private double previousValue;
    private double previousDerivative;

    public OneEuroFilter(double minCutoff, double beta, double derivativeCutoff) {
        if (minCutoff <= 0 || derivativeCutoff <= 0 || beta < 0) {
            throw new IllegalArgumentException("one-euro needs min_cutoff > 0, d_cutoff > 0 and beta >= 0");
        }
        this.minCutoff = minCutoff;
        this.beta = beta;
        this.derivativeCutoff = derivativeCutoff;
    }

    static double smoothingFactor(double cutoff, double dtSeconds) {
        double tau = 1.0 / (2 * Math.PI * cutoff);
        return 1.0 / (1.0 + tau / dtSeconds);
    }

    @Override
    public double apply(double value, double dtSeconds) {
        if (!primed || dtSeconds <= 0) {
            if (!primed) {
                primed = true;
                previousValue = value;
                previousDerivative = 0;
            }
            return previousValue;
        }
        double derivative = (value - previousValue) / dtSeconds;
        double alphaDerivative = smoothingFactor(derivativeCutoff, dtSeconds);
        double smoothedDerivative = alphaDerivative * derivative + (1 - alphaDerivative) * previousDerivative;
        double cutoff = minCutoff + beta * Math.abs(smoothedDerivative);
        double alpha = smoothingFactor(cutoff, dtSeconds);
        double smoothed = alpha * value + (1 - alpha) * previousValue;
        previousValue = smoothed;
        previousDerivative = smoothedDerivative;
        return smoothed;
    }

    @Override
    public void reset() {
        primed = false;
    }
}
