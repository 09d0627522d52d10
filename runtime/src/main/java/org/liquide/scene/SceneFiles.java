package org.liquide.scene;

import org.liquide.sound.SceneSoundReader;

import org.liquide.config.Choices;
import org.liquide.render.generated.Palette;
import org.liquide.config.ConfigResult;
import org.liquide.config.Problems;
import org.liquide.config.Quantities;
import org.liquide.config.Scalars;
import org.liquide.config.Suggestions;
import org.liquide.config.YamlDocument;
import org.liquide.config.YamlMapping;
import org.liquide.generate.ModelSpec;
import org.liquide.generate.engine.EngineOptions;
import org.liquide.generate.hub.HubCache;
import org.liquide.generate.hub.HubModelName;
import org.liquide.render.BlendMode;
import org.liquide.render.FitMode;
import org.liquide.render.shader.InputSpec;
import org.liquide.render.shader.ShaderDocument;
import org.liquide.render.shader.ShaderException;
import org.liquide.scene.model.Cue;
import org.liquide.scene.model.FilterDefinition;
import org.liquide.scene.model.GeneratorSettings;
import org.liquide.scene.model.PromptTemplate;
import org.liquide.scene.model.IdleBehaviour;
import org.liquide.scene.model.LayerDefinition;
import org.liquide.scene.model.LayerLook;
import org.liquide.scene.model.MappingDefinition;
import org.liquide.scene.model.SceneDefinition;
import org.liquide.signal.filter.ChangeTrigger;
import org.liquide.signal.filter.Curve;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads a scene folder's {@code scene.yaml}. Every error is reported at once as
 * {@code file:line:col: message} with what was expected; see {@code scenes/README.md} for the format.
 */
public final class SceneFiles {
    public static final String FILE_NAME = "scene.yaml";
    private static final List<String> TOP_KEYS = List.of("name", "description", "transition", "generator", "layers",
            "mappings", "idle", "storyboard", "sound");
    private static final List<String> GENERATOR_KEYS = List.of("model", "prompts", "prompt", "words", "seed", "strength", "size", "steps",
            "camera_mix", "drift", "rate", "device", "palette");
    private static final List<String> LAYER_TYPES = List.of("camera", "generate", "shader", "sketch", "image", "video");
    private static final List<String> LOOK_KEYS = List.of("blend", "opacity", "fit", "mirror", "mask", "key", "region");
    private static final List<String> MAPPING_KEYS = List.of("signal", "channel", "filters", "target", "default", "timeout", "glide");
    private static final List<String> FILTER_NAMES = List.of("one_euro", "smooth", "median", "hysteresis", "hold", "remap",
            "clamp", "dead_zone", "invert", "trigger");
    private static final List<String> BLENDS = Arrays.stream(BlendMode.values()).map(BlendMode::configName).toList();
    private static final List<String> FITS = Arrays.stream(FitMode.values()).map(FitMode::configName).toList();
    private static final List<String> CURVES = Arrays.stream(Curve.values()).map(Curve::configName).toList();

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
        Optional<SceneDefinition> scene = root.flatMap(node -> new Reader(folder, problems, showcase).read(node));
        if (problems.any() || scene.isEmpty()) {
            return new ConfigResult.Invalid<>(problems.inFileOrder());
        }
        return new ConfigResult.Valid<>(scene.get());
    }

    /** Reads one scene file's text (tests, the panel's editor); relative paths resolve from {@code folder}. */
    public static ConfigResult<SceneDefinition> parse(Path folder, String yaml) {
        Problems problems = new Problems(folder.resolve(FILE_NAME).toString());
        Optional<SceneDefinition> scene = YamlDocument.parse(yaml, problems, "'layers:' and the scene's settings")
                .flatMap(node -> new Reader(folder, problems, Optional.empty()).read(node));
        if (problems.any() || scene.isEmpty()) {
            return new ConfigResult.Invalid<>(problems.inFileOrder());
        }
        return new ConfigResult.Valid<>(scene.get());
    }

    private static final class Reader {
        private final Path folder;
        private final Problems problems;
        private final Optional<Showcase> showcase;
        /** The inputs each shader layer's file declares, for checking initial values and mapping targets. */
        private final Map<String, List<InputSpec>> shaderInputs = new java.util.HashMap<>();
        /** The slots of the scene's prompt templates, which mappings may target as prompt.<slot>. */
        private final Set<String> promptSlots = new java.util.LinkedHashSet<>();

        Reader(Path folder, Problems problems, Optional<Showcase> showcase) {
            this.folder = folder;
            this.problems = problems;
            this.showcase = showcase;
        }

        /** A camera name, checked against the showcase's cameras when there is one. */
        private Optional<String> cameraName(Node node) {
            Optional<String> camera = Scalars.text(node, "camera", "a camera name", problems);
            if (camera.isPresent() && showcase.isPresent() && !showcase.get().cameras().contains(camera.get())) {
                Set<String> known = new TreeSet<>(showcase.get().cameras());
                problems.at(node, "no camera '" + camera.get() + "' in the showcase (cameras: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)) + ")"
                        + Suggestions.closest(camera.get(), known).map(c -> "; did you mean '" + c + "'?").orElse(""));
                return Optional.empty();
            }
            return camera;
        }

        Optional<SceneDefinition> read(Node root) {
            Optional<YamlMapping> maybe = YamlMapping.of(root, "a scene file", "a mapping with 'layers:'", problems);
            if (maybe.isEmpty()) {
                return Optional.empty();
            }
            YamlMapping top = maybe.get();
            String folderName = folder.toAbsolutePath().normalize().getFileName().toString();
            String name = top.get("name").flatMap(n -> Scalars.text(n, "name", "the scene's name", problems)).orElse(folderName);
            String description = top.get("description").flatMap(n -> Scalars.text(n, "description", "a sentence", problems)).orElse("");
            double transition = top.get("transition").flatMap(n -> opt(Quantities.seconds(n, "transition", 0, 600, problems))).orElse(2.0);
            GeneratorSettings generator = top.get("generator").map(n -> generator(n, GeneratorSettings.DEFAULT)).orElse(GeneratorSettings.DEFAULT);
            List<LayerDefinition> layers = top.require("layers", "the list of layers, bottom first").map(n -> layers(n, generator)).orElse(List.of());
            generator.template().ifPresent(t -> promptSlots.addAll(t.slotNames()));
            layers.stream().filter(l -> l instanceof LayerDefinition.Generate).map(l -> ((LayerDefinition.Generate) l).generator())
                    .flatMap(Optional::stream).flatMap(g -> g.template().stream()).forEach(t -> promptSlots.addAll(t.slotNames()));
            List<MappingDefinition> mappings = top.get("mappings").map(n -> mappings(n, layers)).orElse(List.of());
            Optional<IdleBehaviour> idle = top.get("idle").flatMap(this::idle);
            List<Cue> cues = new ArrayList<>();
            boolean loop = top.get("storyboard").map(n -> storyboard(n, generator, layers, cues)).orElse(false);
            // the soundtrack is checked here; the sound output reads it when the scene comes on (sound.output.SceneSoundtracks)
            top.get("sound").ifPresent(n -> new SceneSoundReader(problems, folder).read(n));
            top.rejectUnknown(TOP_KEYS);
            if (problems.any()) {
                return Optional.empty();
            }
            return Optional.of(new SceneDefinition(name, folder, description, generator, layers, mappings, transition, idle, cues, loop));
        }

        private GeneratorSettings generator(Node node, GeneratorSettings base) {
            Optional<YamlMapping> maybe = YamlMapping.of(node, "'generator'", "a mapping (model, prompts, seed, strength, size, steps, rate, device)", problems);
            if (maybe.isEmpty()) {
                return base;
            }
            YamlMapping map = maybe.get();
            String model = map.get("model").flatMap(n -> modelName(n)).orElse(base.model());
            List<String> prompts = map.get("prompts").map(this::prompts).orElse(base.prompts());
            long seed = map.get("seed").map(n -> (long) Scalars.integer(n, "seed", 0, Integer.MAX_VALUE, "a whole number", problems).orElse(1)).orElse(base.seed());
            double strength = map.get("strength").flatMap(n -> opt(Scalars.number(n, "strength", 0, 1, "between 0 and 1", problems))).orElse(base.strength());
            int[] size = map.get("size").flatMap(n -> Quantities.size(n, "size", 16, 4096, problems)).orElse(new int[]{base.width(), base.height()});
            int steps = map.get("steps").map(n -> Scalars.integer(n, "steps", 1, 50, "1 to 50 (1 to 4 for real time)", problems).orElse(base.steps())).orElse(base.steps());
            double cameraMix = map.get("camera_mix").flatMap(n -> opt(Scalars.number(n, "camera_mix", 0, 1, "between 0 and 1", problems))).orElse(base.cameraMix());
            double drift = map.get("drift").flatMap(n -> opt(Scalars.number(n, "drift", 0, 1, "between 0 and 1", problems))).orElse(base.drift());
            double rate = map.get("rate").flatMap(n -> opt(Scalars.number(n, "rate", 0.1, 240, "0.1 to 240 images per second", problems))).orElse(base.rate());
            String device = map.get("device").flatMap(n -> device(n)).orElse(base.device());
            Optional<PromptTemplate> template = template(map, base, node);
            Optional<String> palette = map.get("palette").flatMap(n -> Choices.one(n, "palette", Palette.names(), problems))
                    .or(base::palette);
            map.rejectUnknown(GENERATOR_KEYS);
            if (template.isPresent()) {
                prompts = template.get().prompts();
            }
            return new GeneratorSettings(model, prompts, seed, strength, size[0], size[1], steps, cameraMix, drift, rate, device,
                    template, palette);
        }

        private Optional<String> device(Node node) {
            Optional<String> text = Scalars.text(node, "device", "auto, cpu, cuda[:N] or tensorrt[:N]", problems);
            if (text.isPresent()) {
                try {
                    EngineOptions.parse(text.get(), 0, 0);
                } catch (IllegalArgumentException e) {
                    problems.at(node, e.getMessage());
                    return Optional.empty();
                }
            }
            return text;
        }

        /**
         * {@code prompt: "un portrait {adjectif}"} with {@code words: {adjectif: [intime, officiel]}}; a layer may give
         * only {@code words} (a word or a list per slot) to change the scene's template for itself.
         */
        private Optional<PromptTemplate> template(YamlMapping map, GeneratorSettings base, Node at) {
            Optional<String> text = map.get("prompt").flatMap(n -> Scalars.text(n, "prompt", "a prompt with {slots}", problems));
            Map<String, List<String>> words = map.get("words").map(this::words).orElse(Map.of());
            if (text.isEmpty()) {
                if (map.get("words").isPresent() && base.template().isEmpty()) {
                    problems.at(map.get("words").get(), "'words' fill the slots of a 'prompt' template, and there is none here or in the scene's generator");
                }
                return base.template().map(t -> t.withWords(words));
            }
            if (map.get("prompts").isPresent()) {
                problems.at(map.get("prompt").get(), "give either 'prompt' (a template with {slots}) or 'prompts' (a list), not both");
            }
            Map<String, List<String>> slots = new java.util.LinkedHashMap<>();
            for (String slot : PromptTemplate.slotNames(text.get())) {
                List<String> list = words.containsKey(slot) ? words.get(slot) : base.template().map(t -> t.slots().get(slot)).orElse(null);
                if (list == null || list.isEmpty()) {
                    problems.at(map.get("prompt").get(), "the slot {" + slot + "} has no words: add " + slot + ": [..] under 'words'");
                    return Optional.empty();
                }
                slots.put(slot, list);
            }
            words.keySet().stream().filter(w -> !slots.containsKey(w)).findFirst().ifPresent(unused ->
                    problems.at(map.get("words").get(), "'" + unused + "' is not a slot of the prompt (slots: " + String.join(", ", slots.keySet()) + ")"));
            PromptTemplate template = new PromptTemplate(text.get(), slots);
            if (template.combinations() > PromptTemplate.MAX_PROMPTS) {
                problems.at(map.get("prompt").get(), "the words make " + template.combinations() + " prompts; at most "
                        + PromptTemplate.MAX_PROMPTS + " (each is encoded when the scene starts)");
                return Optional.empty();
            }
            return Optional.of(template);
        }

        private Map<String, List<String>> words(Node node) {
            Map<String, List<String>> words = new java.util.LinkedHashMap<>();
            if (!(node instanceof MappingNode mapping)) {
                problems.at(node, "'words' must map each slot to its words, e.g. {adjectif: [intime, officiel]}, not " + Scalars.describe(node));
                return words;
            }
            for (NodeTuple tuple : mapping.getValue()) {
                Optional<String> slot = Scalars.text(tuple.getKeyNode(), "words", "a slot name", problems);
                List<String> list = prompts(tuple.getValueNode());
                slot.ifPresent(name -> words.put(name, list));
            }
            return words;
        }

        private Optional<String> modelName(Node node) {
            Optional<String> model = Scalars.text(node, "model", "builtin, procedural, a model of the showcase or a path", problems);
            if (model.isEmpty() || model.get().equals(ModelSpec.BUILTIN) || model.get().equals(ScenePreparer.PROCEDURAL)) {
                return model;
            }
            if (HubModelName.isHubName(model.get())) {
                return hubModel(node, model.get());
            }
            Path path = folder.resolve(model.get());
            boolean pathLike = model.get().contains("/") || model.get().endsWith(".onnx");
            boolean named = showcase.isPresent() && showcase.get().models().contains(model.get());
            if (pathLike && !Files.exists(path)) {
                problems.at(node, "model " + model.get() + " not found (looked at " + path + ")");
            } else if (!pathLike && !named && !Files.exists(path) && showcase.isPresent()) {
                Set<String> known = new TreeSet<>(showcase.get().models());
                known.addAll(List.of(ModelSpec.BUILTIN, ScenePreparer.PROCEDURAL));
                problems.at(node, "no model '" + model.get() + "': expected builtin, procedural, a model of the showcase's models ("
                        + String.join(", ", showcase.get().models().isEmpty() ? Set.of("none") : new TreeSet<>(showcase.get().models()))
                        + ") or a path to an .onnx file or a diffusers folder"
                        + Suggestions.closest(model.get(), known).map(m -> "; did you mean '" + m + "'?").orElse(""));
            }
            return model;
        }

        /** A model of the Hugging Face cache: well named, and there (the show never downloads). */
        private Optional<String> hubModel(Node node, String source) {
            HubCache.locate().problem(source).ifPresent(message -> problems.at(node, message));
            return Optional.of(source);
        }

        private List<String> prompts(Node node) {
            if (!(node instanceof SequenceNode list)) {
                return Scalars.text(node, "prompts", "a list of prompts", problems).map(List::of).orElse(List.of());
            }
            List<String> prompts = new ArrayList<>();
            for (Node item : list.getValue()) {
                Scalars.text(item, "prompts", "a prompt (text)", problems).ifPresent(prompts::add);
            }
            return prompts;
        }

        private List<LayerDefinition> layers(Node node, GeneratorSettings sceneGenerator) {
            if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
                problems.at(node, "'layers' must be a list of layers (each starting with '- name:'), bottom first, not " + Scalars.describe(node));
                return List.of();
            }
            List<LayerDefinition> layers = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (Node item : list.getValue()) {
                layer(item, sceneGenerator).ifPresent(layer -> {
                    if (!names.add(layer.name())) {
                        problems.at(item, "two layers are named '" + layer.name() + "'; names must be unique in a scene");
                    }
                    layers.add(layer);
                });
            }
            return layers;
        }

        private Optional<LayerDefinition> layer(Node node, GeneratorSettings sceneGenerator) {
            Optional<YamlMapping> maybe = YamlMapping.of(node, "a layer", "a mapping with 'name' and 'type'", problems);
            if (maybe.isEmpty()) {
                return Optional.empty();
            }
            YamlMapping map = maybe.get();
            Optional<String> name = map.require("name", "the layer's name").flatMap(n -> Scalars.text(n, "name", "a name", problems));
            name.ifPresent(n -> map.describeAs("layer '" + n + "'"));
            Optional<String> type = map.require("type", "one of " + String.join(", ", LAYER_TYPES))
                    .flatMap(n -> Choices.one(n, "type", LAYER_TYPES, problems));
            LayerLook look = look(map);
            List<String> allowed = new ArrayList<>(List.of("name", "type"));
            allowed.addAll(LOOK_KEYS);
            Optional<LayerDefinition> layer = type.flatMap(t -> switch (t) {
                case "camera" -> {
                    allowed.add("camera");
                    Optional<String> camera = map.require("camera", "the name of a camera of the showcase").flatMap(this::cameraName);
                    yield camera.map(c -> new LayerDefinition.Camera(name.orElse("?"), c, look));
                }
                case "generate" -> {
                    allowed.addAll(List.of("camera", "generator"));
                    Optional<String> camera = map.get("camera").flatMap(this::cameraName);
                    Optional<GeneratorSettings> own = map.get("generator").map(n -> generator(n, sceneGenerator));
                    yield Optional.of(new LayerDefinition.Generate(name.orElse("?"), own, camera, look));
                }
                case "shader" -> {
                    allowed.addAll(List.of("file", "inputs"));
                    Optional<Path> file = file(map, "a .fs (ISF) or .frag (GLSL) file");
                    List<InputSpec> declared = file.flatMap(f -> shaderDocument(f, map.get("file").orElseThrow()))
                            .map(ShaderDocument::inputs).orElse(null);
                    name.ifPresent(n -> shaderInputs.put(n, declared));
                    Map<String, String> inputs = map.get("inputs").map(n -> inputs(n, declared)).orElse(Map.of());
                    yield file.map(f -> new LayerDefinition.Shader(name.orElse("?"), f, inputs, look));
                }
                case "sketch" -> {
                    allowed.addAll(List.of("class", "size", "fps"));
                    Optional<Node> classNode = map.require("class", "the sketch's class name, in sketches/<Class>.java");
                    Optional<String> className = classNode.flatMap(n -> Scalars.text(n, "class", "a Java class name", problems));
                    int[] size = map.get("size").flatMap(n -> Quantities.size(n, "size", 16, 4096, problems)).orElse(new int[]{640, 360});
                    double fps = map.get("fps").flatMap(n -> opt(Scalars.number(n, "fps", 1, 120, "1 to 120", problems))).orElse(30.0);
                    yield className.flatMap(c -> sketch(name.orElse("?"), c, classNode.get(), size, fps, look));
                }
                case "image" -> {
                    allowed.add("file");
                    yield file(map, "a PNG or JPEG file").map(f -> new LayerDefinition.Image(name.orElse("?"), f, look));
                }
                case "video" -> {
                    allowed.add("file");
                    yield file(map, "a video file").map(f -> new LayerDefinition.Video(name.orElse("?"), f, look));
                }
                default -> Optional.empty();
            });
            map.rejectUnknown(allowed);
            return name.isPresent() ? layer : Optional.empty();
        }

        private Optional<LayerDefinition> sketch(String name, String className, Node at, int[] size, double fps, LayerLook look) {
            if (!className.matches("[A-Z][A-Za-z0-9_]*")) {
                problems.at(at, "'class' must be a Java class name starting with a capital letter, got " + className);
                return Optional.empty();
            }
            Path source = SketchNames.sourceOf(folder, className);
            if (!Files.isRegularFile(source)) {
                problems.at(at, "no sketch source " + source + " (expected sketches/" + className + ".java in the scene folder)");
                return Optional.empty();
            }
            String pkg = SketchNames.packageOf(folder);
            return Optional.of(new LayerDefinition.Sketch(name, source, pkg + "." + className, size[0], size[1], fps, look));
        }

        private Optional<Path> file(YamlMapping map, String expectation) {
            Optional<Node> node = map.require("file", expectation + ", relative to the scene folder");
            Optional<String> text = node.flatMap(n -> Scalars.text(n, "file", expectation, problems));
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Path path = folder.resolve(text.get()).normalize();
            if (!Files.isRegularFile(path)) {
                problems.at(node.get(), "file not found: " + text.get() + " (looked at " + path + ")");
                return Optional.empty();
            }
            return Optional.of(path);
        }

        private Optional<ShaderDocument> shaderDocument(Path file, Node at) {
            try {
                return Optional.of(ShaderDocument.load(file));
            } catch (ShaderException e) {
                problems.at(at, "the shader does not read: " + e.getMessage().lines().findFirst().orElse(""));
                return Optional.empty();
            }
        }

        private Map<String, String> inputs(Node node, List<InputSpec> declared) {
            Map<String, String> inputs = new LinkedHashMap<>();
            if (!(node instanceof MappingNode mapping)) {
                problems.at(node, "'inputs' must be a mapping of ISF input names to values, not " + Scalars.describe(node));
                return inputs;
            }
            for (NodeTuple tuple : mapping.getValue()) {
                Optional<String> key = Scalars.scalar(tuple.getKeyNode());
                Node value = tuple.getValueNode();
                String text = value instanceof SequenceNode list
                        ? String.join(",", list.getValue().stream().map(v -> Scalars.scalar(v).orElse("")).toList())
                        : Scalars.scalar(value).orElse("");
                if (key.isPresent() && declared != null && declared.stream().noneMatch(spec -> spec.name().equals(key.get()))) {
                    List<String> names = declared.stream().map(InputSpec::name).toList();
                    String hint = org.liquide.config.Suggestions.closest(key.get(), names).map(c -> "; did you mean '" + c + "'?").orElse("");
                    problems.at(tuple.getKeyNode(), "the shader has no input '" + key.get() + "' (its inputs: " + String.join(", ", names) + ")" + hint);
                }
                key.ifPresent(k -> inputs.put(k, text));
            }
            return inputs;
        }

        private LayerLook look(YamlMapping map) {
            LayerLook d = LayerLook.DEFAULT;
            BlendMode blend = map.get("blend").flatMap(n -> Choices.one(n, "blend", BLENDS, problems))
                    .flatMap(BlendMode::fromConfigName).orElse(d.blend());
            double opacity = map.get("opacity").flatMap(n -> opt(Scalars.number(n, "opacity", 0, 1, "between 0 and 1", problems))).orElse(d.opacity());
            FitMode fit = map.get("fit").flatMap(n -> Choices.one(n, "fit", FITS, problems)).flatMap(FitMode::fromConfigName).orElse(d.fit());
            boolean mirror = map.get("mirror").flatMap(n -> Scalars.bool(n, "mirror", problems)).orElse(d.mirror());
            Optional<Path> mask = map.get("mask").flatMap(n -> {
                Optional<String> text = Scalars.text(n, "mask", "a grey image file", problems);
                Optional<Path> path = text.map(t -> folder.resolve(t).normalize());
                if (path.isPresent() && !Files.isRegularFile(path.get())) {
                    problems.at(n, "mask not found: " + text.get() + " (looked at " + path.get() + ")");
                    return Optional.empty();
                }
                return path;
            });
            double threshold = d.keyThreshold();
            double softness = d.keySoftness();
            Optional<Node> keyNode = map.get("key");
            if (keyNode.isPresent()) {
                Optional<YamlMapping> key = YamlMapping.of(keyNode.get(), "'key'", "a mapping with threshold and softness", problems);
                if (key.isPresent()) {
                    threshold = key.get().get("threshold").flatMap(n -> opt(Scalars.number(n, "threshold", 0, 1, "between 0 and 1", problems))).orElse(threshold);
                    softness = key.get().get("softness").flatMap(n -> opt(Scalars.number(n, "softness", 0, 1, "between 0 and 1", problems))).orElse(softness);
                    key.get().rejectUnknown(List.of("threshold", "softness"));
                }
            }
            float[] region = map.get("region").flatMap(this::region).orElse(d.region());
            return new LayerLook(blend, opacity, fit, mirror, mask, threshold, softness, region);
        }

        private Optional<float[]> region(Node node) {
            if (node instanceof SequenceNode list && list.getValue().size() == 4) {
                float[] values = new float[4];
                for (int i = 0; i < 4; i++) {
                    OptionalDouble v = Scalars.number(list.getValue().get(i), "region", 0, 1, "between 0 and 1", problems);
                    if (v.isEmpty()) {
                        return Optional.empty();
                    }
                    values[i] = (float) v.getAsDouble();
                }
                if (values[2] > values[0] && values[3] > values[1]) {
                    return Optional.of(values);
                }
            }
            problems.at(node, "'region' is [x0, y0, x1, y1] of the output in [0, 1], y down, with x1 > x0 and y1 > y0");
            return Optional.empty();
        }

        private List<MappingDefinition> mappings(Node node, List<LayerDefinition> layers) {
            if (!(node instanceof SequenceNode list)) {
                problems.at(node, "'mappings' must be a list (each starting with '- signal:'), not " + Scalars.describe(node));
                return List.of();
            }
            List<MappingDefinition> mappings = new ArrayList<>();
            for (Node item : list.getValue()) {
                mapping(item, layers).ifPresent(mappings::add);
            }
            return mappings;
        }

        private Optional<MappingDefinition> mapping(Node node, List<LayerDefinition> layers) {
            Optional<YamlMapping> maybe = YamlMapping.of(node, "a mapping", "a mapping with 'signal' and 'target'", problems);
            if (maybe.isEmpty()) {
                return Optional.empty();
            }
            YamlMapping map = maybe.get();
            Optional<String> signal = map.require("signal", "the signal's name, e.g. entree/distance")
                    .flatMap(n -> Scalars.text(n, "signal", "a signal name", problems));
            int channel = map.get("channel").map(n -> Scalars.integer(n, "channel", 0, 15, "0 to 15", problems).orElse(0)).orElse(0);
            List<FilterDefinition> filters = map.get("filters").map(this::filters).orElse(List.of());
            Optional<Node> targetNode = map.require("target", "what the signal moves, e.g. generator.strength or layer.<name>.opacity");
            Optional<String> target = targetNode.flatMap(n -> Scalars.text(n, "target", "a target name", problems));
            target.ifPresent(t -> checkTarget(t, targetNode.get(), layers));
            double defaultValue = map.get("default").flatMap(n -> opt(Scalars.number(n, "default", -1e9, 1e9, "a number", problems))).orElse(0.0);
            double timeout = map.get("timeout").flatMap(n -> opt(Quantities.seconds(n, "timeout", 0.05, 3600, problems))).orElse(3.0);
            double glide = map.get("glide").flatMap(n -> opt(Quantities.seconds(n, "glide", 0, 60, problems))).orElse(0.0);
            map.rejectUnknown(MAPPING_KEYS);
            if (signal.isEmpty() || target.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new MappingDefinition(signal.get(), channel, filters, target.get(), defaultValue, timeout, glide));
        }

        private void checkTarget(String target, Node at, List<LayerDefinition> layers) {
            List<String> layerNames = layers.stream().map(LayerDefinition::name).toList();
            String[] parts = target.split("\\.");
            boolean known = switch (parts[0]) {
                case "generator" -> parts.length == 2 && List.of("strength", "prompt_blend", "camera_mix", "seed").contains(parts[1])
                        || parts.length == 3 && parts[1].equals("latent") && parts[2].matches("[0-7]");
                case "layer" -> parts.length >= 3 && layerNames.contains(parts[1]) && (parts.length == 3
                        && List.of("opacity", "key", "blend").contains(parts[2])
                        || (parts.length == 4 || parts.length == 5) && parts[2].equals("input") && shaderInput(parts));
                case "prompt" -> parts.length == 2 && promptSlots.contains(parts[1]);
                // a scene read on its own cannot know the showcase's channels: the run checks them
                case "dmx" -> showcase.map(s -> s.outputTargets().contains(target)).orElse(parts.length == 2);
                default -> false;
            };
            if (!known) {
                List<String> valid = new ArrayList<>(SceneTargets.describe(layerNames));
                showcase.ifPresent(s -> valid.addAll(s.outputTargets()));
                shaderInputs.forEach((layer, declared) -> valid.addAll(inputTargets(layer, declared)));
                String hint = org.liquide.config.Suggestions.closest(target, valid).map(c -> "; did you mean '" + c + "'?").orElse("");
                List<String> inputs = parts.length >= 4 && parts[0].equals("layer") && parts[2].equals("input")
                        ? inputTargets(parts[1], shaderInputs.get(parts[1])) : List.of();
                if (!inputs.isEmpty()) {
                    problems.at(at, "unknown target '" + target + "': the shader of layer '" + parts[1] + "' has the inputs "
                            + String.join(", ", inputs) + hint);
                    return;
                }
                problems.at(at, "unknown target '" + target + "': expected generator.strength, generator.prompt_blend, "
                        + "generator.camera_mix, generator.seed, generator.latent.0-7, layer.<name>.opacity|key|blend or "
                        + "layer.<shader layer>.input.<name>"
                        + (promptSlots.isEmpty() ? "" : ", prompt." + String.join("|", promptSlots))
                        + showcase.filter(s -> !s.outputTargets().isEmpty())
                                .map(s -> ", " + String.join(", ", new java.util.TreeSet<>(s.outputTargets()))).orElse("") + hint);
            }
        }

        /** The targets a shader layer's declared inputs offer (none when its file did not read). */
        private static List<String> inputTargets(String layer, List<InputSpec> declared) {
            List<String> targets = new ArrayList<>();
            for (InputSpec spec : declared == null ? List.<InputSpec>of() : declared) {
                String input = "layer." + layer + ".input." + spec.name();
                switch (spec) {
                    case InputSpec.Point2DInput p -> List.of("x", "y").forEach(c -> targets.add(input + "." + c));
                    case InputSpec.ColorInput c -> List.of("r", "g", "b", "a").forEach(k -> targets.add(input + "." + k));
                    case InputSpec.ImageInput i -> { }
                    case InputSpec.AudioInput a -> { }
                    default -> targets.add(input);
                }
            }
            return targets;
        }

        /** layer.<shader>.input.<name>[.x|.y|.r|.g|.b|.a] names a declared input (unknown when the file did not read). */
        private boolean shaderInput(String[] parts) {
            if (!shaderInputs.containsKey(parts[1])) {
                return false;
            }
            List<InputSpec> declared = shaderInputs.get(parts[1]);
            if (declared == null) {
                return true;
            }
            String component = parts.length == 5 ? parts[4] : "";
            return declared.stream().filter(spec -> spec.name().equals(parts[3])).anyMatch(spec -> switch (spec) {
                case InputSpec.Point2DInput p -> List.of("x", "y").contains(component);
                case InputSpec.ColorInput c -> List.of("r", "g", "b", "a").contains(component);
                case InputSpec.ImageInput i -> false;
                case InputSpec.AudioInput a -> false;
                default -> component.isEmpty();
            });
        }

        private List<FilterDefinition> filters(Node node) {
            if (!(node instanceof SequenceNode list)) {
                problems.at(node, "'filters' must be a list, e.g. [ {smooth: 0.3s}, {remap: {in: [0, 1], out: [1, 0]}} ], not "
                        + Scalars.describe(node));
                return List.of();
            }
            List<FilterDefinition> filters = new ArrayList<>();
            for (Node item : list.getValue()) {
                filter(item).ifPresent(filters::add);
            }
            return filters;
        }

        private Optional<FilterDefinition> filter(Node node) {
            String kind;
            Node args;
            if (node instanceof ScalarNode scalar) {
                kind = scalar.getValue();
                args = null;
            } else if (node instanceof MappingNode mapping && mapping.getValue().size() == 1) {
                kind = Scalars.scalar(mapping.getValue().getFirst().getKeyNode()).orElse("");
                args = mapping.getValue().getFirst().getValueNode();
            } else {
                problems.at(node, "a filter is one of " + String.join(", ", FILTER_NAMES) + " with its settings, e.g. {median: 5}");
                return Optional.empty();
            }
            if (!FILTER_NAMES.contains(kind)) {
                String hint = org.liquide.config.Suggestions.closest(kind, FILTER_NAMES).map(c -> "; did you mean '" + c + "'?").orElse("");
                problems.at(node, "unknown filter '" + kind + "': expected one of " + String.join(", ", FILTER_NAMES) + hint);
                return Optional.empty();
            }
            Node at = args == null ? node : args;
            try {
                return switch (kind) {
                    case "invert" -> args == null ? Optional.of(new FilterDefinition.InvertRange(0, 1))
                            : pair(at, "invert", FilterDefinition.InvertRange::new);
                    case "smooth" -> opt(Quantities.seconds(at, "smooth", 0, 60, problems)).map(FilterDefinition.Smooth::new);
                    case "hold" -> opt(Quantities.seconds(at, "hold", 0, 3600, problems)).map(FilterDefinition.Hold::new);
                    case "median" -> {
                        var window = Scalars.integer(at, "median", 1, 255, "a window of 1 to 255 readings", problems);
                        yield window.isPresent() ? Optional.of(new FilterDefinition.Median(window.getAsInt())) : Optional.empty();
                    }
                    case "clamp" -> pair(at, "clamp", FilterDefinition.ClampTo::new);
                    case "one_euro" -> settings(at, "one_euro", List.of("min_cutoff", "beta", "d_cutoff"), new double[]{1.0, 0.0, 1.0})
                            .map(v -> new FilterDefinition.OneEuro(v[0], v[1], v[2]));
                    case "hysteresis" -> settings(at, "hysteresis", List.of("low", "high"), null)
                            .map(v -> new FilterDefinition.Hysteresis(v[0], v[1]));
                    case "dead_zone" -> settings(at, "dead_zone", List.of("center", "width"), null)
                            .map(v -> new FilterDefinition.Dead(v[0], v[1]));
                    case "remap" -> remap(at);
                    case "trigger" -> trigger(at);
                    default -> Optional.empty();
                };
            } catch (IllegalArgumentException e) {
                problems.at(at, kind + ": " + e.getMessage());
                return Optional.empty();
            }
        }

        private interface PairFactory {
            FilterDefinition make(double a, double b);
        }

        private Optional<FilterDefinition> pair(Node node, String key, PairFactory factory) {
            if (node instanceof SequenceNode list && list.getValue().size() == 2) {
                OptionalDouble a = Scalars.number(list.getValue().get(0), key, -1e9, 1e9, "a number", problems);
                OptionalDouble b = Scalars.number(list.getValue().get(1), key, -1e9, 1e9, "a number", problems);
                if (a.isPresent() && b.isPresent()) {
                    return Optional.of(factory.make(a.getAsDouble(), b.getAsDouble()));
                }
                return Optional.empty();
            }
            problems.at(node, "'" + key + "' takes two numbers, e.g. [0, 1], not " + Scalars.describe(node));
            return Optional.empty();
        }

        /** Named numeric settings; {@code defaults} null means all required. */
        private Optional<double[]> settings(Node node, String key, List<String> names, double[] defaults) {
            Optional<YamlMapping> maybe = YamlMapping.of(node, "'" + key + "'", "a mapping of " + String.join(", ", names), problems);
            if (maybe.isEmpty()) {
                return Optional.empty();
            }
            double[] values = new double[names.size()];
            boolean ok = true;
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                Optional<Node> value = defaults == null ? maybe.get().require(name, "a number") : maybe.get().get(name);
                if (value.isPresent()) {
                    OptionalDouble number = Scalars.number(value.get(), name, -1e9, 1e9, "a number", problems);
                    ok &= number.isPresent();
                    values[i] = number.orElse(0);
                } else if (defaults != null) {
                    values[i] = defaults[i];
                } else {
                    ok = false;
                }
            }
            maybe.get().rejectUnknown(names);
            return ok ? Optional.of(values) : Optional.empty();
        }

        private Optional<FilterDefinition> remap(Node node) {
            Optional<YamlMapping> maybe = YamlMapping.of(node, "'remap'", "a mapping with in: [low, high] and out: [low, high]", problems);
            if (maybe.isEmpty()) {
                return Optional.empty();
            }
            YamlMapping map = maybe.get();
            Optional<double[]> in = map.require("in", "[low, high]").flatMap(n -> numbers(n, "in"));
            Optional<double[]> out = map.require("out", "[low, high]").flatMap(n -> numbers(n, "out"));
            Curve curve = map.get("curve").flatMap(n -> Choices.one(n, "curve", CURVES, problems)).flatMap(Curve::fromConfigName).orElse(Curve.LINEAR);
            double gamma = map.get("gamma").flatMap(n -> opt(Scalars.number(n, "gamma", 0.01, 100, "between 0.01 and 100", problems))).orElse(1.0);
            map.rejectUnknown(List.of("in", "out", "curve", "gamma"));
            if (in.isEmpty() || out.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new FilterDefinition.Remap(in.get()[0], in.get()[1], out.get()[0], out.get()[1], curve, gamma));
        }

        private Optional<double[]> numbers(Node node, String key) {
            if (node instanceof SequenceNode list && list.getValue().size() == 2) {
                OptionalDouble a = Scalars.number(list.getValue().get(0), key, -1e9, 1e9, "a number", problems);
                OptionalDouble b = Scalars.number(list.getValue().get(1), key, -1e9, 1e9, "a number", problems);
                return a.isPresent() && b.isPresent() ? Optional.of(new double[]{a.getAsDouble(), b.getAsDouble()}) : Optional.empty();
            }
            problems.at(node, "'" + key + "' must be [low, high], not " + Scalars.describe(node));
            return Optional.empty();
        }

        private Optional<FilterDefinition> trigger(Node node) {
            Optional<YamlMapping> maybe = YamlMapping.of(node, "'trigger'", "one of {rising: 0.5}, {falling: 0.5}, {change: 10}", problems);
            if (maybe.isEmpty()) {
                return Optional.empty();
            }
            YamlMapping map = maybe.get();
            for (ChangeTrigger.Mode mode : ChangeTrigger.Mode.values()) {
                String key = mode.name().toLowerCase(java.util.Locale.ROOT);
                Optional<Node> value = map.get(key);
                if (value.isPresent()) {
                    map.rejectUnknown(List.of(key));
                    return opt(Scalars.number(value.get(), key, -1e9, 1e9, "a number", problems))
                            .map(v -> new FilterDefinition.Trigger(mode, v));
                }
            }
            problems.at(node, "'trigger' needs one of rising, falling or change, e.g. {rising: 0.5}");
            return Optional.empty();
        }

        private Optional<IdleBehaviour> idle(Node node) {
            Optional<YamlMapping> maybe = YamlMapping.of(node, "'idle'", "a mapping with presence, after and scene", problems);
            if (maybe.isEmpty()) {
                return Optional.empty();
            }
            YamlMapping map = maybe.get();
            Optional<String> presence = map.require("presence", "the signal that says someone is there, e.g. vision/main/presence")
                    .flatMap(n -> Scalars.text(n, "presence", "a signal name", problems));
            double after = map.get("after").flatMap(n -> opt(Quantities.seconds(n, "after", 1, 86400, problems))).orElse(60.0);
            Optional<String> scene = map.get("scene").flatMap(n -> Scalars.text(n, "scene", "the attract scene's name", problems));
            map.rejectUnknown(List.of("presence", "after", "scene"));
            return presence.map(p -> new IdleBehaviour(p, after, scene));
        }

        private boolean storyboard(Node node, GeneratorSettings generator, List<LayerDefinition> layers, List<Cue> cues) {
            Optional<YamlMapping> maybe = YamlMapping.of(node, "'storyboard'", "a mapping with loop and cues", problems);
            if (maybe.isEmpty()) {
                return false;
            }
            YamlMapping map = maybe.get();
            boolean loop = map.get("loop").flatMap(n -> Scalars.bool(n, "loop", problems)).orElse(true);
            map.require("cues", "a list of cues, each with at:").ifPresent(n -> {
                if (!(n instanceof SequenceNode list)) {
                    problems.at(n, "'cues' must be a list, not " + Scalars.describe(n));
                    return;
                }
                double last = -1;
                for (Node item : list.getValue()) {
                    Optional<Cue> cue = cue(item, generator, layers);
                    if (cue.isPresent()) {
                        if (cue.get().atSeconds() < last) {
                            problems.at(item, "cues must be in time order: this one is at " + cue.get().atSeconds() + " s, after one at " + last + " s");
                        }
                        last = cue.get().atSeconds();
                        cues.add(cue.get());
                    }
                }
            });
            map.rejectUnknown(List.of("loop", "cues"));
            return loop;
        }

        private Optional<Cue> cue(Node node, GeneratorSettings generator, List<LayerDefinition> layers) {
            Optional<YamlMapping> maybe = YamlMapping.of(node, "a cue", "a mapping with at:, and prompt: or set:", problems);
            if (maybe.isEmpty()) {
                return Optional.empty();
            }
            YamlMapping map = maybe.get();
            OptionalDouble at = map.require("at", "when, from the scene's start, e.g. 30s").map(n -> Quantities.seconds(n, "at", 0, 86400, problems)).orElse(OptionalDouble.empty());
            Optional<String> prompt = map.get("prompt").flatMap(n -> {
                Optional<String> text = Scalars.text(n, "prompt", "one of the generator's prompts", problems);
                if (text.isPresent() && !generator.prompts().contains(text.get())) {
                    problems.at(n, "prompt '" + text.get() + "' is not among the generator's prompts: " + generator.prompts());
                }
                return text;
            });
            double blend = map.get("blend").flatMap(n -> opt(Quantities.seconds(n, "blend", 0, 600, problems))).orElse(0.0);
            Map<String, Double> set = new LinkedHashMap<>();
            map.get("set").ifPresent(n -> {
                if (!(n instanceof MappingNode mapping)) {
                    problems.at(n, "'set' must be a mapping of targets to values, not " + Scalars.describe(n));
                    return;
                }
                for (NodeTuple tuple : mapping.getValue()) {
                    Optional<String> target = Scalars.scalar(tuple.getKeyNode());
                    target.ifPresent(t -> checkTarget(t, tuple.getKeyNode(), layers));
                    OptionalDouble value = Scalars.number(tuple.getValueNode(), target.orElse("value"), -1e9, 1e9, "a number", problems);
                    if (target.isPresent() && value.isPresent()) {
                        set.put(target.get(), value.getAsDouble());
                    }
                }
            });
            map.rejectUnknown(List.of("at", "prompt", "blend", "set"));
            return at.isPresent() ? Optional.of(new Cue(at.getAsDouble(), prompt, blend, set)) : Optional.empty();
        }

        private static Optional<Double> opt(OptionalDouble value) {
            return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
        }
    }
}
