package org.liquide.signal.filter;

/** 1 once the value rises above {@code high}, 0 once it falls below {@code low}; unchanged in between. */
public final class HysteresisThreshold implements SignalFilter {
    private final double low;
    private final double high;
    private double state;

    public HysteresisThreshold(double low, double high) {
        if (low > high) {
            throw new IllegalArgumentException("hysteresis needs low <= high");
        }
        this.low = low;
        this.high = high;
    }

    @Override
    public double apply(double value, double dtSeconds) {
        if (value > high) {
            state = 1;
        } else if (value < low) {
            state = 0;
        }
        return state;
    }

    @Override
    public void reset() {
        state = 0;
    }
}
