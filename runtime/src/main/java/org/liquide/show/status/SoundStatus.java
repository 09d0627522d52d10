package org.liquide.show.status;

import java.util.List;
import java.util.Optional;

/**
 * The show's sound as the panel shows it: each audio input and the output, when the showcase has them.
 */
public record SoundStatus(List<Input> inputs, Optional<Output> output) {
    public static final SoundStatus NONE = new SoundStatus(List.of(), Optional.empty());

    public SoundStatus {
        inputs = List.copyOf(inputs);
    }

    /**
     * One audio input.
     *
     * @param device  {@code default}, a device's name, or {@code file <name>} for a looped file
     * @param state   {@code online} (listening), {@code stale} (opening), {@code lost} or {@code offline} (closed)
     * @param levelDb the smoothed level in dBFS (NaN before the first hop)
     * @param peakDb  the peak in dBFS (NaN before the first hop)
     * @param outages times the input was lost since the start
     * @param problem why it is lost, empty otherwise
     */
    public record Input(String name, String device, String state, double levelDb, double peakDb, long outages, String problem) {
    }

    /**
     * The output.
     *
     * @param state     as an input's
     * @param gainDb    the master gain
     * @param limitDb   the limiter's ceiling
     * @param underruns blocks the device had run dry before (each a gap the room heard)
     * @param mutedBy   {@code sleep}, {@code blackout}, or empty while it sounds
     */
    public record Output(String device, String state, double gainDb, double limitDb, long underruns, long outages,
                         String mutedBy, String problem) {
    }
}
