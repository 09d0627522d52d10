package org.liquide.scene;

import java.util.List;

/**
 * One thing a scene's mappings can move, as {@link SceneTargets} resolves it: its target name, what kind of value
 * it takes, its range, the value the scene starts with, and a sentence for people.
 *
 * @param choices for an {@link Kind#INTEGER} choice, the name of each value from {@code min} on (empty otherwise)
 * @param start   the value when the scene starts (NaN for a trigger, which has none)
 */
public record MappableParameter(String target, Kind kind, double min, double max, List<String> choices, double start,
                                String description) {
    public enum Kind {
        /** Any number in the range. */
        FLOAT,
        /** A whole number (a choice when {@code choices} names them). */
        INTEGER,
        /** On from 0.5. */
        BOOL,
        /** Acts each time the mapped value rises through 0.5. */
        TRIGGER
    }

    public MappableParameter {
        choices = List.copyOf(choices);
    }
}
