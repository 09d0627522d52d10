package org.liquide.scene;

import org.liquide.config.Choices;
import org.liquide.config.Problems;
import org.liquide.config.Quantities;
import org.liquide.config.Scalars;
import org.liquide.config.Suggestions;
import org.liquide.config.YamlMapping;
import org.liquide.generate.ModelSpec;
import org.liquide.generate.StreamBatching;
import org.liquide.generate.engine.EngineOptions;
import org.liquide.generate.hub.HubCache;
import org.liquide.generate.hub.HubModelName;
import org.liquide.render.generated.Palette;
import org.liquide.scene.model.GeneratorSettings;
import org.liquide.scene.model.PromptTemplate;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A scene's or a layer's {@code generator:}: the model (checked against the showcase's models, the Hugging Face
 * cache or the file system), prompts or a prompt template, and the generation settings.
 */
final class GeneratorReader {
    private static final List<String> GENERATOR_KEYS = List.of("model", "prompts", "prompt", "words", "seed", "strength", "size", "steps",
            "camera_mix", "drift", "rate", "device", "stream_batch", "palette");
    private final Path folder;
    private final Problems problems;
    private final Optional<SceneFiles.Showcase> showcase;

    GeneratorReader(Path folder, Problems problems, Optional<SceneFiles.Showcase> showcase) {
        this.folder = folder;
        this.problems = problems;
        this.showcase = showcase;
    }

    /** The settings a {@code generator:} gives, the rest taken from {@code base}. */
    GeneratorSettings generator(Node node, GeneratorSettings base) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "'generator'", "a mapping (model, prompts, seed, strength, size, steps, rate, device)", problems);
        if (maybe.isEmpty()) {
            return base;
        }
        YamlMapping map = maybe.get();
        String model = map.get("model").flatMap(n -> modelName(n)).orElse(base.model());
        List<String> prompts = map.get("prompts").map(this::prompts).orElse(base.prompts());
        long seed = map.get("seed").map(n -> (long) Scalars.integer(n, "seed", 0, Integer.MAX_VALUE, "a whole number", problems).orElse(1)).orElse(base.seed());
        double strength = map.get("strength").flatMap(n -> Scalars.boxed(Scalars.number(n, "strength", 0, 1, "between 0 and 1", problems))).orElse(base.strength());
        int[] size = map.get("size").flatMap(n -> Quantities.size(n, "size", 16, 4096, problems)).orElse(new int[]{base.width(), base.height()});
        int steps = map.get("steps").map(n -> Scalars.integer(n, "steps", 1, 50, "1 to 50 (1 to 4 for real time)", problems).orElse(base.steps())).orElse(base.steps());
        double cameraMix = map.get("camera_mix").flatMap(n -> Scalars.boxed(Scalars.number(n, "camera_mix", 0, 1, "between 0 and 1", problems))).orElse(base.cameraMix());
        double drift = map.get("drift").flatMap(n -> Scalars.boxed(Scalars.number(n, "drift", 0, 1, "between 0 and 1", problems))).orElse(base.drift());
        double rate = map.get("rate").flatMap(n -> Scalars.boxed(Scalars.number(n, "rate", 0.1, 240, "0.1 to 240 images per second", problems))).orElse(base.rate());
        String device = map.get("device").flatMap(n -> device(n)).orElse(base.device());
        StreamBatching streamBatching = map.get("stream_batch").flatMap(n -> Choices.one(n, "stream_batch",
                List.of("auto", "on", "off"), problems)).map(StreamBatching::parse).orElse(base.streamBatching());
        Optional<PromptTemplate> template = template(map, base, node);
        Optional<String> palette = map.get("palette").flatMap(n -> Choices.one(n, "palette", Palette.names(), problems))
                .or(base::palette);
        map.rejectUnknown(GENERATOR_KEYS);
        if (template.isPresent()) {
            prompts = template.get().prompts();
        }
        return new GeneratorSettings(model, prompts, seed, strength, size[0], size[1], steps, cameraMix, drift, rate, device,
                streamBatching, template, palette);
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
        Map<String, List<String>> slots = new LinkedHashMap<>();
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
        Map<String, List<String>> words = new LinkedHashMap<>();
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
}
