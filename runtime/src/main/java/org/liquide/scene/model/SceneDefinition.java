package org.liquide.scene.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A scene as its folder describes it ({@code scenes/<name>/scene.yaml} and the files next to it).
 *
 * @param transitionSeconds crossfade into this scene
 * @param storyboard        timed cues, looped when {@code loopStoryboard} (the écriture liquide scene)
 */
public record SceneDefinition(String name, Path folder, String description, GeneratorSettings generator,
                              List<LayerDefinition> layers, List<MappingDefinition> mappings, double transitionSeconds,
                              Optional<IdleBehaviour> idle, List<Cue> storyboard, boolean loopStoryboard) {
    public SceneDefinition {
        layers = List.copyOf(layers);
        mappings = List.copyOf(mappings);
        storyboard = List.copyOf(storyboard);
    }

    /** The folder's name: what the playlist, the scene's soundtrack and its storyboard cues' messages call it. */
    public String folderName() {
        return folder.toAbsolutePath().normalize().getFileName().toString();
    }
}
