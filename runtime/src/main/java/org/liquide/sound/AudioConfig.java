package org.liquide.sound;

import java.util.List;

/**
 * The showcase's sound, {@code showcase.yaml}'s {@code audio:} section.
 *
 * @param inputs what the show listens to
 * @param output where the show's sound plays; empty: the show is silent (scenes' soundtracks are not played)
 */
public record AudioConfig(List<AudioInputSpec> inputs, java.util.Optional<AudioOutputSpec> output) {
    public static final AudioConfig NONE = new AudioConfig(List.of(), java.util.Optional.empty());

    public AudioConfig {
        inputs = List.copyOf(inputs);
    }
}
