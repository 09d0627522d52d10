package org.liquide.hardware.sim;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stimuli set by hand, for rehearsals without hardware (the control panel's sliders) and for tests. Until set,
 * a sensor sees nothing in range, no motion, nothing pressed or touched, {@value #DEFAULT_LUX} lx and 0 V.
 */
public final class HandStimuli implements Stimuli {
    public static final double DEFAULT_LUX = 300;

    private final Map<String, Double> distances = new ConcurrentHashMap<>();
    private final Map<String, Boolean> motions = new ConcurrentHashMap<>();
    private final Map<String, Boolean> presses = new ConcurrentHashMap<>();
    private final Map<String, Integer> touches = new ConcurrentHashMap<>();
    private final Map<String, Double> luxes = new ConcurrentHashMap<>();
    private final Map<String, Double> voltages = new ConcurrentHashMap<>();

    /** {@code +∞} (or any value beyond the sensor's range) means nothing in front of it. */
    public HandStimuli setDistanceMillimetres(String sensor, double millimetres) {
        if (Double.isNaN(millimetres) || millimetres < 0) {
            throw new IllegalArgumentException("distance must be >= 0 or +infinity");
        }
        distances.put(sensor, millimetres);
        return this;
    }

    public HandStimuli setMotion(String sensor, boolean motion) {
        motions.put(sensor, motion);
        return this;
    }

    public HandStimuli setPressed(String sensor, boolean pressed) {
        presses.put(sensor, pressed);
        return this;
    }

    public HandStimuli setTouched(String sensor, int electrode, boolean touched) {
        if (electrode < 0 || electrode > 11) {
            throw new IllegalArgumentException("electrode " + electrode + " is not 0 to 11");
        }
        touches.merge(sensor, touched ? 1 << electrode : 0,
                (old, bit) -> touched ? old | bit : old & ~(1 << electrode));
        return this;
    }

    public HandStimuli setLux(String sensor, double lux) {
        if (!(lux >= 0)) {
            throw new IllegalArgumentException("lux must be >= 0");
        }
        luxes.put(sensor, lux);
        return this;
    }

    public HandStimuli setVolts(String sensor, int channel, double volts) {
        if (channel < 0 || channel > 3 || !Double.isFinite(volts)) {
            throw new IllegalArgumentException("channel must be 0 to 3 and volts finite");
        }
        voltages.put(sensor + "#" + channel, volts);
        return this;
    }

    @Override
    public double distanceMillimetres(String sensor) {
        return distances.getOrDefault(sensor, Double.POSITIVE_INFINITY);
    }

    @Override
    public boolean motion(String sensor) {
        return motions.getOrDefault(sensor, false);
    }

    @Override
    public boolean pressed(String sensor) {
        return presses.getOrDefault(sensor, false);
    }

    @Override
    public int touchedElectrodes(String sensor) {
        return touches.getOrDefault(sensor, 0);
    }

    @Override
    public double lux(String sensor) {
        return luxes.getOrDefault(sensor, DEFAULT_LUX);
    }

    @Override
    public double volts(String sensor, int channel) {
        return voltages.getOrDefault(sensor + "#" + channel, 0.0);
    }
}
