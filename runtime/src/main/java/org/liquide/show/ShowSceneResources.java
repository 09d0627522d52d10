package org.liquide.show;

import org.liquide.camera.CameraFeed;
import org.liquide.dmx.DmxLevels;
import org.liquide.generate.ModelSpec;
import org.liquide.oscout.OscOut;
import org.liquide.render.OutputSettings;
import org.liquide.scene.CueListener;
import org.liquide.scene.SceneResources;
import org.liquide.scene.model.GeneratorSettings;
import org.liquide.showcase.ModelConfig;
import org.liquide.showcase.ShowcaseModels;
import org.liquide.signal.SignalBus;
import org.liquide.signal.mapping.MappingSpec;
import org.liquide.signal.mapping.ParameterTarget;
import org.liquide.sound.output.AudioOutput;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a running showcase lends its scenes: the bus, its cameras, the output's size, OSC out and sound for storyboard cues,
 * the mappings learnt by MIDI, DMX channels as targets, and its models by name.
 */
final class ShowSceneResources implements SceneResources {
    private final SignalBus bus;
    private final Map<String, CameraFeed> cameras;
    private final OutputSettings output;
    private final OscOut oscOut; // null without osc_out
    private final AudioOutput audioOutput; // null without an audio output
    private final List<MappingSpec> learnt;
    private final DmxLevels dmxLevels; // null without dmx
    private final Map<String, ModelConfig> models;

    /**
     * @param cameras the show's cameras, read as they are (not copied)
     * @param learnt  the mappings learnt so far, read as they are (not copied)
     */
    ShowSceneResources(SignalBus bus, Map<String, CameraFeed> cameras, OutputSettings output, OscOut oscOut,
                       AudioOutput audioOutput, List<MappingSpec> learnt, DmxLevels dmxLevels, Map<String, ModelConfig> models) {
        this.bus = bus;
        this.cameras = cameras;
        this.output = output;
        this.oscOut = oscOut;
        this.audioOutput = audioOutput;
        this.learnt = learnt;
        this.dmxLevels = dmxLevels;
        this.models = models;
    }

    @Override
    public SignalBus signals() {
        return bus;
    }

    @Override
    public Optional<CameraFeed> camera(String name) {
        return Optional.ofNullable(cameras.get(name));
    }

    @Override
    public int width() {
        return output.width();
    }

    @Override
    public int height() {
        return output.height();
    }

    @Override
    public CueListener cues() {
        if (oscOut == null && audioOutput == null) {
            return CueListener.NONE;
        }
        return (scene, index, atSeconds) -> {
            if (oscOut != null) {
                oscOut.cue(scene, index, atSeconds);
            }
            if (audioOutput != null) {
                audioOutput.cue(scene, index);
            }
        };
    }

    @Override
    public List<MappingSpec> learntMappings() {
        return List.copyOf(learnt);
    }

    @Override
    public Optional<ParameterTarget> outputTarget(String name) {
        return dmxLevels == null ? Optional.empty() : dmxLevels.target(name);
    }

    @Override
    public ModelSpec model(GeneratorSettings settings, Path sceneFolder) {
        return ShowcaseModels.spec(models, settings, sceneFolder);
    }
}
