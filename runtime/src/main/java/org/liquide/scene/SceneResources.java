package org.liquide.scene;

import org.liquide.camera.CameraFeed;
import org.liquide.generate.ModelSpec;
import org.liquide.generate.hub.HubModelName;
import org.liquide.scene.model.GeneratorSettings;
import org.liquide.signal.SignalBus;

import java.nio.file.Path;
import java.util.Optional;

/** What a running show lends its scenes: the signal bus, its cameras, its models, the output size. */
public interface SceneResources {
    SignalBus signals();

    /** The showcase's camera of this name, started. */
    Optional<CameraFeed> camera(String name);

    int width();

    int height();

    /** Who hears of the storyboard cues as they fire (OSC out); nobody by default. */
    default CueListener cues() {
        return CueListener.NONE;
    }

    /** Mappings added while the show runs (MIDI learn), applied in each scene that has their target; none by default. */
    default java.util.List<org.liquide.signal.mapping.MappingSpec> learntMappings() {
        return java.util.List.of();
    }

    /** A mapping target the show's outputs offer ({@code dmx.<channel>}); none by default. */
    default Optional<org.liquide.signal.mapping.ParameterTarget> outputTarget(String name) {
        return Optional.empty();
    }

    /**
     * The model a generator setting names: {@code builtin}, a model of the showcase by name, a model of the
     * Hugging Face cache ({@code hf:org/name@commit}) or a path (relative paths from the scene's folder). The default
     * knows no named models. A path runs where the setting's {@code device} says, {@code auto} if it says nothing;
     * the builtin on the CPU unless told.
     */
    default ModelSpec model(GeneratorSettings settings, Path sceneFolder) {
        return modelOf(settings, sceneFolder);
    }

    /** The model a generator setting names when no showcase names models: builtin, hf:, or a path from the scene. */
    static ModelSpec modelOf(GeneratorSettings settings, Path sceneFolder) {
        boolean builtin = settings.model().equals(ModelSpec.BUILTIN);
        String source = builtin || HubModelName.isHubName(settings.model()) ? settings.model()
                : sceneFolder.resolve(settings.model()).toString();
        String device = !settings.device().isEmpty() ? settings.device() : builtin ? "cpu" : "auto";
        return ModelSpec.of(source).withDevice(device).withSize(settings.width(), settings.height())
                .withPrompts(settings.prompts()).withStrength((float) settings.strength()).withSteps(settings.steps())
                .withStreamBatching(settings.streamBatching())
                .withSeed(settings.seed());
    }
}
