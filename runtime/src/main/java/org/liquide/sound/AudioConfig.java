package org.liquide.sound;

import java.util.List;

/**
 * The showcase's sound, {@code showcase.yaml}'s {@code audio:} section.
 *
 * @param inputs what the show listens to
 */
public record AudioConfig(List<AudioInputSpec> inputs) {
    public static final AudioConfig NONE = new AudioConfig(List.of());

    public AudioConfig {
        inputs = List.copyOf(inputs);
    }
}
