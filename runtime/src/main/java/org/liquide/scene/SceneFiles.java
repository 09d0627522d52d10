package org.liquide.scene;

import org.liquide.config.ConfigResult;
import org.liquide.config.Problems;
import org.liquide.config.YamlDocument;
import org.liquide.scene.model.SceneDefinition;
import org.snakeyaml.engine.v2.nodes.Node;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a scene folder's {@code scene.yaml}. Every error is reported at once as
 * {@code file:line:col: message} with what was expected; see {@code scenes/README.md} for the format.
 */
public final class SceneFiles {
    public static final String FILE_NAME = "scene.yaml";

    private SceneFiles() {
    }

    /**
     * What the showcase around a scene offers, so that a scene naming a camera or a model it does not have
     * is refused where the name is written; {@code outputTargets} are the mapping targets its outputs add
     * ({@code dmx.<channel>}).
     */
    public record Showcase(Set<String> cameras, Set<String> models, Set<String> outputTargets) {
        public Showcase {
            cameras = Set.copyOf(cameras);
            models = Set.copyOf(models);
            outputTargets = Set.copyOf(outputTargets);
        }

        /** A showcase whose outputs offer no mapping targets. */
        public Showcase(Set<String> cameras, Set<String> models) {
            this(cameras, models, Set.of());
        }
    }

    /** Reads {@code <folder>/scene.yaml} on its own (the cameras and models it names are not checked). */
    public static ConfigResult<SceneDefinition> load(Path folder) {
        return load(folder, Optional.empty());
    }

    /** Reads {@code <folder>/scene.yaml} as part of a showcase: its camera and model names are checked. */
    public static ConfigResult<SceneDefinition> load(Path folder, Showcase showcase) {
        return load(folder, Optional.of(showcase));
    }

    private static ConfigResult<SceneDefinition> load(Path folder, Optional<Showcase> showcase) {
        Path file = folder.resolve(FILE_NAME);
        Problems problems = new Problems(file.toString());
        Optional<Node> root = YamlDocument.read(file, problems, "'layers:' and the scene's settings");
        Optional<SceneDefinition> scene = root.flatMap(node -> new SceneReader(folder, problems, showcase).read(node));
        if (problems.any() || scene.isEmpty()) {
            return new ConfigResult.Invalid<>(problems.inFileOrder());
        }
        return new ConfigResult.Valid<>(scene.get());
    }

    /** Reads one scene file's text (tests, the panel's editor); relative paths resolve from {@code folder}. */
    public static ConfigResult<SceneDefinition> parse(Path folder, String yaml) {
        Problems problems = new Problems(folder.resolve(FILE_NAME).toString());
        Optional<SceneDefinition> scene = YamlDocument.parse(yaml, problems, "'layers:' and the scene's settings")
                .flatMap(node -> new SceneReader(folder, problems, Optional.empty()).read(node));
        if (problems.any() || scene.isEmpty()) {
            return new ConfigResult.Invalid<>(problems.inFileOrder());
        }
        return new ConfigResult.Valid<>(scene.get());
    }
}
