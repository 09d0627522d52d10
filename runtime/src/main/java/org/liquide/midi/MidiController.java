package org.liquide.midi;

/**
 * A MIDI controller of the showcase ({@code midi.controllers}): its signals are named {@code midi/<name>/...}; the
 * device is the first input whose name or description holds {@code device} (case aside).
 *
 * @param channel the MIDI channel listened to, 1 to 16, or 0 for all
 */
public record MidiController(String name, String device, int channel) {
}
