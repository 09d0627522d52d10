package org.liquide.hardware.sim;

/**
 * What each simulated sensor perceives right now, by sensor name: the physical side of the simulated board.
 * Implementations are called from the sensors' threads and must be thread-safe.
 */
public interface Stimuli {
    /** Distance to the nearest thing a ranging sensor sees; {@code +∞} when nothing is in front of it. */
    double distanceMillimetres(String sensor);

    /** Whether a PIR sees someone moving. */
    boolean motion(String sensor);

    /** Whether a button or foot switch is held down. */
    boolean pressed(String sensor);

    /** Bit n set while electrode n of a touch sensor is touched. */
    int touchedElectrodes(String sensor);

    double lux(String sensor);

    /** The voltage on ADC input {@code channel} (0 to 3). */
    double volts(String sensor, int channel);
}
