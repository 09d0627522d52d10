package org.liquide.oscout;

/**
 * A signal an OSC target receives: raw ({@code /liquide/signal/<name>}, every channel) or mapped (its
 * first channel from {@code fromLow..fromHigh} to {@code toLow..toHigh}, clamped, on an address of the
 * configuration's choosing).
 */
public record OscSignalOut(String signal, String address, boolean mapped, double fromLow, double fromHigh,
                           double toLow, double toHigh) {
    public static final String RAW_PREFIX = "/liquide/signal/";

    public static OscSignalOut raw(String signal) {
        return new OscSignalOut(signal, RAW_PREFIX + signal, false, 0, 1, 0, 1);
    }

    /** The mapped value of {@code value}: linear, clamped to the output range. */
    public double map(double value) {
        double t = fromHigh == fromLow ? 0 : (value - fromLow) / (fromHigh - fromLow);
        t = Math.max(0, Math.min(1, t));
        return toLow + (toHigh - toLow) * t;
    }
}
