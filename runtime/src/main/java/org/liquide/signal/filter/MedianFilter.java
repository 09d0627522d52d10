package org.liquide.signal.filter;

/** The median of the last {@code window} values: removes spikes (an ultrasonic echo gone astray). */
public final class MedianFilter implements SignalFilter {
    private final double[] ring;
    private final double[] sorted;
    private int count;
    private int next;

    public MedianFilter(int window) {
        if (window < 1 || window > 255) {
            throw new IllegalArgumentException("median window must be 1 to 255");
        }
        ring = new double[window];
        sorted = new double[window];
    }

    @Override
    public double apply(double value, double dtSeconds) {
        ring[next] = value;
        next = (next + 1) % ring.length;
        count = Math.min(count + 1, ring.length);
        for (int i = 0; i < count; i++) {
            double v = ring[i];
            int j = i - 1;
            while (j >= 0 && sorted[j] > v) {
                sorted[j + 1] = sorted[j];
                j--;
            }
            sorted[j + 1] = v;
        }
        return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
    }

    @Override
    public void reset() {
        count = 0;
        next = 0;
    }
}
