package org.liquide.scene;

import org.liquide.generate.ModelSpec;
import org.liquide.scene.model.GeneratorSettings;
import org.liquide.scene.model.LayerDefinition;
import org.liquide.scene.model.SceneDefinition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** The models a scene runs: one per generated layer (its own settings or the scene's), each source once. */
public final class SceneModels {
    private SceneModels() {
    }

    public static List<ModelSpec> inUse(SceneDefinition scene, BiFunction<GeneratorSettings, Path, ModelSpec> models) {
        Set<String> seen = new LinkedHashSet<>();
        List<ModelSpec> specs = new ArrayList<>();
        for (LayerDefinition layer : scene.layers()) {
            if (layer instanceof LayerDefinition.Generate generate) {
                GeneratorSettings settings = generate.generator().orElse(scene.generator());
                if (settings.model().equals(ScenePreparer.PROCEDURAL)) {
                    continue;
                }
                ModelSpec spec = models.apply(settings, scene.folder());
                if (seen.add(spec.source())) {
                    specs.add(spec);
                }
            }
        }
        return specs;
    }
}
