package org.liquide.midi;

import java.util.Map;

/**
 * Scene changes sent as program changes ({@code midi.out}) to the first output whose name or description holds
 * {@code device}: the program configured for the scene, else its place in the playlist (0 for the first).
 *
 * @param channel the MIDI channel, 1 to 16
 */
public record MidiOutConfig(String device, int channel, Map<String, Integer> programs) {
    public MidiOutConfig {
        programs = Map.copyOf(programs);
    }
}
