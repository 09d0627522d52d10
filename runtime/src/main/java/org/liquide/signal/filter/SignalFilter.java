package org.liquide.signal.filter;

/**
 * One step of a mapping's filter chain. Filters keep their own state, are evaluated once per frame on
 * one thread, and allocate nothing. {@code dtSeconds} is the time since the previous evaluation.
 */
public sealed interface SignalFilter permits OneEuroFilter, ExponentialSmoothing, MedianFilter, HysteresisThreshold,
        HoldFilter, RangeRemap, Clamp, DeadZone, Invert, ChangeTrigger {

    double apply(double value, double dtSeconds);

    /** Forgets the past (when a signal goes stale and comes back). */
    void reset();
}
