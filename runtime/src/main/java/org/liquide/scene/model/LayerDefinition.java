package org.liquide.scene.model;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** One layer of a scene, bottom first in the scene's list. */
public sealed interface LayerDefinition {
    String name();

    LayerLook look();

    /** A camera of the showcase, by name. */
    record Camera(String name, String camera, LayerLook look) implements LayerDefinition {
    }

    /**
     * The generated layer: a generator (the scene's, unless this layer has its own) fed by a camera.
     *
     * @param camera the camera whose images the generator transforms (empty: none)
     */
    record Generate(String name, Optional<GeneratorSettings> generator, Optional<String> camera, LayerLook look)
            implements LayerDefinition {
    }

    /** A GLSL or ISF shader; {@code inputs} are initial values of ISF inputs, as written. */
    record Shader(String name, Path file, Map<String, String> inputs, LayerLook look) implements LayerDefinition {
    }

    /** A Processing-style sketch: a class in the scene's {@code sketches/} folder. */
    record Sketch(String name, Path source, String className, int width, int height, double framesPerSecond,
                  LayerLook look) implements LayerDefinition {
    }

    /** A still image. */
    record Image(String name, Path file, LayerLook look) implements LayerDefinition {
    }

    /** A video file, looped. */
    record Video(String name, Path file, LayerLook look) implements LayerDefinition {
    }
}
