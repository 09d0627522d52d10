package org.liquide.signal;

/** A copy of a signal's latest value, reused by its reader. */
public final class SignalSample {
    final double[] values = new double[Signal.MAX_CHANNELS];
    int channels;
    long receivedNanos;
    long sourceMillis;
    long messages;

    /** Channel {@code index}, or NaN when the signal has fewer channels. */
    public double value(int index) {
        return index < channels ? values[index] : Double.NaN;
    }

    public int channels() {
        return channels;
    }

    /** {@link System#nanoTime()} when the runtime received it. */
    public long receivedNanos() {
        return receivedNanos;
    }

    /** The source's own timestamp in epoch milliseconds (0 when it sent none). */
    public long sourceMillis() {
        return sourceMillis;
    }

    public long messages() {
        return messages;
    }
}
