package org.liquide.scene;

import org.liquide.config.Choices;
import org.liquide.config.Problems;
import org.liquide.config.Quantities;
import org.liquide.config.Scalars;
import org.liquide.config.Suggestions;
import org.liquide.config.YamlMapping;
import org.liquide.render.shader.InputSpec;
import org.liquide.render.shader.ShaderDocument;
import org.liquide.render.shader.ShaderException;
import org.liquide.scene.model.GeneratorSettings;
import org.liquide.scene.model.LayerDefinition;
import org.liquide.scene.model.LayerLook;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A scene file's {@code layers:}: each layer's type and what it draws (a camera, a generator, a shader file and
 * its inputs, a sketch class, an image, a video), and its look.
 */
final class LayerReader {
    private static final List<String> LAYER_TYPES = List.of("camera", "generate", "shader", "sketch", "image", "video");
    private static final List<String> LOOK_KEYS = List.of("blend", "opacity", "fit", "mirror", "mask", "key", "region");
    private final Path folder;
    private final Problems problems;
    private final Optional<SceneFiles.Showcase> showcase;
    private final GeneratorReader generators;
    private final LookReader looks;
    private final SceneTargetCheck targets;

    LayerReader(Path folder, Problems problems, Optional<SceneFiles.Showcase> showcase, GeneratorReader generators,
                SceneTargetCheck targets) {
        this.folder = folder;
        this.problems = problems;
        this.showcase = showcase;
        this.generators = generators;
        this.looks = new LookReader(folder, problems);
        this.targets = targets;
    }

    /** The scene's layers, bottom first; a generate layer's own settings start from the scene's generator. */
    List<LayerDefinition> layers(Node node, GeneratorSettings sceneGenerator) {
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
        LayerLook look = looks.look(map);
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
                Optional<GeneratorSettings> own = map.get("generator").map(n -> generators.generator(n, sceneGenerator));
                yield Optional.of(new LayerDefinition.Generate(name.orElse("?"), own, camera, look));
            }
            case "shader" -> {
                allowed.addAll(List.of("file", "inputs"));
                Optional<Path> file = file(map, "a .fs (ISF) or .frag (GLSL) file");
                List<InputSpec> declared = file.flatMap(f -> shaderDocument(f, map.get("file").orElseThrow()))
                        .map(ShaderDocument::inputs).orElse(null);
                name.ifPresent(n -> targets.shaderLayer(n, declared));
                Map<String, String> inputs = map.get("inputs").map(n -> inputs(n, declared)).orElse(Map.of());
                yield file.map(f -> new LayerDefinition.Shader(name.orElse("?"), f, inputs, look));
            }
            case "sketch" -> {
                allowed.addAll(List.of("class", "size", "fps"));
                Optional<Node> classNode = map.require("class", "the sketch's class name, in sketches/<Class>.java");
                Optional<String> className = classNode.flatMap(n -> Scalars.text(n, "class", "a Java class name", problems));
                int[] size = map.get("size").flatMap(n -> Quantities.size(n, "size", 16, 4096, problems)).orElse(new int[]{640, 360});
                double fps = map.get("fps").flatMap(n -> Scalars.boxed(Scalars.number(n, "fps", 1, 120, "1 to 120", problems))).orElse(30.0);
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
                String hint = Suggestions.closest(key.get(), names).map(c -> "; did you mean '" + c + "'?").orElse("");
                problems.at(tuple.getKeyNode(), "the shader has no input '" + key.get() + "' (its inputs: " + String.join(", ", names) + ")" + hint);
            }
            key.ifPresent(k -> inputs.put(k, text));
        }
        return inputs;
    }
}
