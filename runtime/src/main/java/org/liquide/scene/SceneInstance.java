package org.liquide.scene;

import org.liquide.camera.CameraFeed;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.GenerationParams;
import org.liquide.handoff.LatestSlot;
import org.liquide.render.Compositor;
import org.liquide.render.FrameClock;
import org.liquide.render.FrameTask;
import org.liquide.render.Layer;
import org.liquide.render.LayerImage;
import org.liquide.render.LayerSource;
import org.liquide.render.LayerStack;
import org.liquide.render.LayerStyle;
import org.liquide.render.gl.Framebuffer;
import org.liquide.render.gl.PixelUploader;
import org.liquide.render.gl.Texture2D;
import org.liquide.generate.worker.GeneratorWorker;
import org.liquide.render.generated.LatentDrift;
import org.liquide.render.generated.Palette;
import org.liquide.render.generated.ProceduralGenerator;
import org.liquide.render.generated.WorkerGenerator;
import org.liquide.render.layer.CameraFade;
import org.liquide.render.layer.CameraLayerSource;
import org.liquide.render.layer.GeneratedLayerSource;
import org.liquide.render.layer.StillImageSource;
import org.liquide.scene.model.Cue;
import org.liquide.scene.model.GeneratorSettings;
import org.liquide.scene.model.LayerDefinition;
import org.liquide.scene.model.LayerLook;
import org.liquide.scene.model.MappingDefinition;
import org.liquide.scene.model.SceneDefinition;
import org.liquide.signal.mapping.Mapping;
import org.liquide.signal.mapping.MappingEngine;
import org.liquide.signal.mapping.MappingSpec;
import org.liquide.signal.mapping.ParameterTarget;
import org.liquide.render.shader.ReloadResult;
import org.liquide.render.shader.ShaderDocument;
import org.liquide.render.shader.ShaderException;
import org.liquide.render.shader.ShaderLayer;
import org.liquide.sketch.SketchLayerSource;
import org.liquide.sketch.SketchRunner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scene running on the render thread: a {@link LayerStack} of its layers with their styles, steered
 * each frame by its mappings, its storyboard and its other tasks, and its own compositor (so two scenes
 * can be drawn during a crossfade). Built from a {@link PreparedScene} on the render thread.
 */
public final class SceneInstance implements AutoCloseable {
    private final SceneDefinition definition;
    private final Compositor compositor;
    private final LayerStack stack;
    private final MappingEngine mappings;
    private final GenerationParams params;
    private final List<AutoCloseable> owned;
    private final Map<String, LayerStyle> styles;
    private final Map<String, ShaderLayer> shaderLayers;
    private Compositor privateCompositor;

    private SceneInstance(SceneDefinition definition, Compositor compositor, LayerStack stack, MappingEngine mappings,
                          GenerationParams params, List<AutoCloseable> owned, Map<String, LayerStyle> styles,
                          Map<String, ShaderLayer> shaderLayers) {
        this.definition = definition;
        this.compositor = compositor;
        this.stack = stack;
        this.mappings = mappings;
        this.params = params;
        this.owned = owned;
        this.styles = styles;
        this.shaderLayers = shaderLayers;
    }

    /** Builds the GL side of a prepared scene. Render thread only. */
    public static SceneInstance create(PreparedScene prepared, SceneResources resources) {
        SceneDefinition scene = prepared.definition();
        GenerationParams params = settingsToParams(scene.generator());
        // One slot per sketch: a latest-wins slot has a single reader, and each sketch reads on its own thread.
        List<LatestSlot<GenerationParams>> forSketches = new ArrayList<>();
        List<AutoCloseable> owned = new ArrayList<>();
        Map<String, LayerStyle> styles = new LinkedHashMap<>();
        Map<String, CameraLayerSource> cameraSources = new HashMap<>();
        List<LayerSource> hidden = new ArrayList<>();
        List<Layer> layers = new ArrayList<>();
        Map<String, ShaderLayer> shaderLayers = new HashMap<>();
        List<FrameTask> layerTasks = new ArrayList<>();
        PromptWords words = new PromptWords(PromptWords.slotsOf(PromptWords.templates(scene.generator().template(),
                scene.layers().stream().filter(l -> l instanceof LayerDefinition.Generate)
                        .map(l -> ((LayerDefinition.Generate) l).generator().flatMap(GeneratorSettings::template)).toList())));

        for (LayerDefinition definition : scene.layers()) {
            if (definition instanceof LayerDefinition.Camera camera) {
                cameraSources.put(camera.camera(), new CameraLayerSource(feed(resources, camera.camera()), CameraFade.CAMERA));
            }
        }
        for (LayerDefinition definition : scene.layers()) {
            LayerStyle style = style(definition.look(), prepared.masks().get(definition.name()), owned);
            styles.put(definition.name(), style);
            if (definition instanceof LayerDefinition.Camera camera && feed(resources, camera.camera()).mirrored()) {
                style.mirror(!style.mirror()); // a scene's mirror flips the picture as the showcase shows that camera
            }
            LayerSource source = switch (definition) {
                case LayerDefinition.Camera camera -> cameraSources.get(camera.camera());
                case LayerDefinition.Generate generate -> {
                    LayerImage cameraImage = prepared.workers().containsKey(generate.name()) ? null
                            : generate.camera().map(name -> cameraSources.computeIfAbsent(name, n -> {
                        CameraLayerSource input = new CameraLayerSource(feed(resources, n), CameraFade.CAMERA);
                        hidden.add(input);
                        return input;
                    }).image()).orElse(null);
                    GeneratorSettings settings = generate.generator().orElse(scene.generator());
                    GenerationParams layerParams = params;
                    if (generate.generator().isPresent()) {
                        LayerGenerationParams own = new LayerGenerationParams(params, scene.generator(), settings);
                        layerTasks.add(own);
                        layerParams = own.params();
                        if (settings.template().isPresent()) {
                            layerTasks.add(words.selecting(layerParams, settings.template().get()));
                        }
                    }
                    GeneratorWorker worker = prepared.workers().get(generate.name());
                    yield new GeneratedLayerSource(worker != null ? new WorkerGenerator(worker, layerParams)
                            : new ProceduralGenerator(settings.width(), settings.height(), 12, layerParams, cameraImage,
                                    Palette.choose(settings.palette(), settings.prompts())));
                }
                case LayerDefinition.Image image -> new StillImageSource(prepared.images().get(image.name()));
                case LayerDefinition.Video video -> new CameraLayerSource(prepared.videos().get(video.name()), CameraFade.VIDEO);
                case LayerDefinition.Sketch sketch -> {
                    LatestSlot<GenerationParams> sketchParams = new LatestSlot<>(GenerationParams::new);
                    forSketches.add(sketchParams);
                    yield new SketchLayerSource(new SketchRunner(scene.name() + "-" + sketch.name(),
                            prepared.sketches().get(sketch.name()), sketch.width(), sketch.height(), sketch.framesPerSecond(),
                            resources.signals(), sketchParams, scene.generator().prompts()).start());
                }
                case LayerDefinition.Shader shader -> {
                    ShaderLayer layer = openShader(shader, prepared.shaders().get(shader.name()), resources);
                    shaderLayers.put(shader.name(), layer);
                    yield layer;
                }
            };
            layers.add(new Layer(definition.name(), source, style, definition instanceof LayerDefinition.Camera));
        }
        owned.addAll(prepared.videos().values());

        SceneTargets targets = new SceneTargets(params, styles,
                name -> words.target(name).or(() -> ShaderInputTargets.resolve(name, shaderLayers)).or(() -> resources.outputTarget(name)));
        List<MappingSpec> specs = new ArrayList<>(scene.mappings().stream().map(MappingDefinition::toSpec).toList());
        // after the scene's own, so that a control learnt for a target the scene maps too has the last word
        resources.learntMappings().stream().filter(spec -> targets.resolve(spec.target()).isPresent()).forEach(specs::add);
        MappingEngine mappings = MappingEngine.build(specs, resources.signals(), name -> targets.resolve(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown mapping target '" + name + "'")));
        List<FrameTask> tasks = new ArrayList<>();
        tasks.add(clock -> mappings.evaluate(clock.nowNanos()));
        if (scene.generator().drift() > 0) {
            tasks.add(new LatentDrift(params, scene.generator().drift(), steeredLatents(scene)));
        }
        if (!scene.storyboard().isEmpty()) {
            tasks.add(storyboard(scene, targets, resources.cues()));
        }
        scene.generator().template().ifPresent(template -> tasks.add(words.selecting(params, template)));
        tasks.addAll(layerTasks); // after drift and cues, so the layers see this frame's scene parameters
        if (!forSketches.isEmpty()) {
            tasks.add(publishing(params, forSketches.toArray(LatestSlot[]::new)));
        }
        Compositor compositor = new Compositor(resources.width(), resources.height());
        return new SceneInstance(scene, compositor, new LayerStack(layers, hidden, tasks), mappings, params, owned,
                styles, shaderLayers);
    }

    /** Hands this frame's scene parameters to each sketch's slot (after every task that sets them). */
    private static FrameTask publishing(GenerationParams params, LatestSlot<GenerationParams>[] slots) {
        return clock -> {
            for (LatestSlot<GenerationParams> slot : slots) {
                slot.writable().copyFrom(params);
                slot.publish();
            }
        };
    }

    private static ShaderLayer openShader(LayerDefinition.Shader shader, ShaderDocument document, SceneResources resources) {
        ShaderLayer layer;
        try {
            layer = ShaderLayer.open(document, resources.width(), resources.height());
        } catch (ShaderException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        shader.inputs().forEach((name, text) -> {
            int index = layer.inputs().index(name);
            if (index < 0) {
                layer.close();
                throw new IllegalStateException(shader.file() + ": no input named '" + name + "'");
            }
            layer.inputs().setFromText(index, text);
        });
        return layer;
    }

    /** The latent components some mapping or cue of the scene sets. */
    private static boolean[] steeredLatents(SceneDefinition scene) {
        boolean[] steered = new boolean[GenerationParams.LATENT_SIZE];
        java.util.stream.Stream.concat(scene.mappings().stream().map(MappingDefinition::target),
                        scene.storyboard().stream().flatMap(cue -> cue.set().keySet().stream()))
                .filter(target -> target.startsWith("generator.latent."))
                .forEach(target -> steered[Integer.parseInt(target.substring("generator.latent.".length()))] = true);
        return steered;
    }

    private static CameraFeed feed(SceneResources resources, String name) {
        return resources.camera(name).orElseThrow(() -> new IllegalArgumentException("no camera named '" + name + "'"));
    }

    private static GenerationParams settingsToParams(GeneratorSettings settings) {
        return new GenerationParams().strength((float) settings.strength()).seed(settings.seed())
                .cameraMix((float) settings.cameraMix());
    }

    private static LayerStyle style(LayerLook look, VideoFrame mask, List<AutoCloseable> owned) {
        LayerStyle style = new LayerStyle().blend(look.blend()).opacity((float) look.opacity()).fit(look.fit())
                .mirror(look.mirror()).keyThreshold((float) look.keyThreshold()).keySoftness((float) look.keySoftness())
                .region(look.region()[0], look.region()[1], look.region()[2], look.region()[3]);
        if (mask != null) {
            Texture2D texture = new Texture2D();
            try (PixelUploader uploader = new PixelUploader()) {
                uploader.upload(mask, texture);
            }
            mask.free();
            owned.add(texture);
            style.mask(texture);
        }
        return style;
    }

    private static Storyboard storyboard(SceneDefinition scene, SceneTargets targets, CueListener listener) {
        List<String> prompts = scene.generator().prompts();
        List<Cue> cues = scene.storyboard();
        double[] positions = new double[cues.size()];
        for (int i = 0; i < cues.size(); i++) {
            positions[i] = cues.get(i).prompt().map(prompt -> {
                int index = prompts.indexOf(prompt);
                if (index < 0) {
                    throw new IllegalArgumentException("cue prompt '" + prompt + "' is not among the generator's prompts");
                }
                return prompts.size() <= 1 ? 0.0 : (double) index / (prompts.size() - 1);
            }).orElse(Double.NaN);
        }
        ParameterTarget promptBlend = targets.resolve("generator.prompt_blend").orElseThrow();
        return new Storyboard(cues, positions, promptBlend, name -> targets.resolve(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown cue target '" + name + "'")), scene.loopStoryboard())
                .tellingCues(scene.folderName(), listener);
    }

    /** Evaluates mappings and cues, updates the layers and composites them. Render thread; no allocation. */
    public Framebuffer render(FrameClock clock) {
        return stack.render(clock, compositor);
    }

    /**
     * This frame again without the live camera layers, for snapshots and recordings under the default
     * privacy policy. Call after {@link #render} in the same frame.
     */
    public Framebuffer renderWithoutVisitors(FrameClock clock) {
        if (privateCompositor == null) {
            privateCompositor = new Compositor(compositor.width(), compositor.height());
        }
        return stack.renderWithoutVisitors(clock, privateCompositor);
    }

    /**
     * Swaps in a new version of a shader file for every layer that draws it; a version that does not
     * compile leaves the running one on screen. Render thread. Returns the outcomes by layer.
     */
    public Map<String, ReloadResult> reloadShader(Path file, ShaderDocument document) {
        Map<String, ReloadResult> results = new LinkedHashMap<>();
        for (LayerDefinition layer : definition.layers()) {
            if (layer instanceof LayerDefinition.Shader shader && shader.file().equals(file)) {
                results.put(shader.name(), shaderLayers.get(shader.name()).reload(document));
            }
        }
        return results;
    }

    /** The sketch runners of this scene, by layer name (hot reload of sketch sources). */
    public Map<String, SketchRunner> sketchRunners() {
        Map<String, SketchRunner> runners = new LinkedHashMap<>();
        for (Layer layer : stack.layers()) {
            if (layer.source() instanceof SketchLayerSource sketch) {
                runners.put(layer.name(), sketch.runner());
            }
        }
        return runners;
    }

    /** The generator workers of this scene, by layer name (status). */
    public Map<String, WorkerGenerator> generators() {
        Map<String, WorkerGenerator> generators = new LinkedHashMap<>();
        for (Layer layer : stack.layers()) {
            if (layer.source() instanceof GeneratedLayerSource generated && generated.generator() instanceof WorkerGenerator worker) {
                generators.put(layer.name(), worker);
            }
        }
        return generators;
    }

    public String name() {
        return definition.name();
    }

    public SceneDefinition definition() {
        return definition;
    }

    /** The scene's generation parameters (written by mappings and cues on the render thread). */
    public GenerationParams params() {
        return params;
    }

    public List<Mapping> mappings() {
        return mappings.mappings();
    }

    public Map<String, LayerStyle> styles() {
        return styles;
    }

    public Framebuffer result() {
        return compositor.result();
    }

    @Override
    public void close() {
        stack.close();
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(SceneInstance.class).debug("closing {}", resource, e);
            }
        }
        compositor.close();
        if (privateCompositor != null) {
            privateCompositor.close();
        }
    }
}
