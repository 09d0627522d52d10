package org.liquide.midi;

import java.util.List;
import java.util.Optional;

/** MIDI ({@code midi} in showcase.yaml): controllers whose notes and controls become signals, and program changes out. */
public record MidiConfig(List<MidiController> controllers, Optional<MidiOutConfig> out) {
    public static final MidiConfig NONE = new MidiConfig(List.of(), Optional.empty());

    public MidiConfig {
        controllers = List.copyOf(controllers);
    }

    public boolean enabled() {
        return !controllers.isEmpty() || out.isPresent();
    }
}
