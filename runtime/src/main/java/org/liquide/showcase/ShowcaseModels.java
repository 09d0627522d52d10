package org.liquide.showcase;

import org.liquide.generate.ModelSpec;
import org.liquide.scene.SceneResources;
import org.liquide.scene.model.GeneratorSettings;

import java.nio.file.Path;
import java.util.Map;

/** The model a scene's generator settings name, with the showcase's named models (their path, device and threads). */
public final class ShowcaseModels {
    private ShowcaseModels() {
    }

    public static ModelSpec spec(Map<String, ModelConfig> models, GeneratorSettings settings, Path sceneFolder) {
        ModelConfig named = models.get(settings.model());
        if (named == null) {
            return SceneResources.modelOf(settings, sceneFolder);
        }
        String device = settings.device().isEmpty() ? named.device() : settings.device();
        return ModelSpec.of(named.path()).withDevice(device).withThreads(named.threads(), 0)
                .withSize(settings.width(), settings.height()).withPrompts(settings.prompts())
                .withStrength((float) settings.strength()).withSteps(settings.steps())
                .withStreamBatching(settings.streamBatching()).withSeed(settings.seed());
    }
}
