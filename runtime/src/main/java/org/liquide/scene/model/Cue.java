package org.liquide.scene.model;

import java.util.Map;
import java.util.Optional;

/**
 * One step of a scene's storyboard: at {@code atSeconds} after the scene starts, the generator's prompt
 * becomes {@code prompt} (blended over {@code blendSeconds}) and the listed targets take their values.
 */
public record Cue(double atSeconds, Optional<String> prompt, double blendSeconds, Map<String, Double> set) {
    public Cue {
        set = Map.copyOf(set);
    }
}
