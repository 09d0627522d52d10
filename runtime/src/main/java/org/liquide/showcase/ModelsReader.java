package org.liquide.showcase;

import org.liquide.config.Choices;
import org.liquide.config.Problems;
import org.liquide.config.Scalars;
import org.liquide.config.YamlMapping;
import org.liquide.generate.hub.HubCache;
import org.liquide.generate.hub.HubModelName;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A showcase's {@code models:} (each a file, a folder or a model of the Hugging Face cache, with its device and
 * threads) and its {@code usage:}, which says whether the models' licences must allow commercial use.
 */
final class ModelsReader {
    private final Path base;
    private final Problems problems;

    ModelsReader(Path base, Problems problems) {
        this.base = base;
        this.problems = problems;
    }

    Map<String, ModelConfig> models(Node node) {
        Map<String, ModelConfig> models = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, "'models' must be a mapping of names to {path, device, threads}, not " + Scalars.describe(node));
            return models;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            Optional<String> name = Scalars.text(tuple.getKeyNode(), "models", "a model name", problems);
            Optional<YamlMapping> maybe = YamlMapping.of(tuple.getValueNode(), "model '" + name.orElse("?") + "'", "a mapping with path, device, threads", problems);
            if (name.isEmpty() || maybe.isEmpty()) {
                continue;
            }
            YamlMapping map = maybe.get();
            Optional<String> path = map.require("path", "an .onnx file, a diffusers ONNX folder or hf:org/name@commit").flatMap(n -> {
                Optional<String> text = Scalars.text(n, "path", "a path", problems);
                if (text.isPresent() && HubModelName.isHubName(text.get())) {
                    return hubModel(n, text.get());
                }
                if (text.isPresent() && !Files.exists(base.resolve(text.get()))) {
                    problems.at(n, "model not found: " + text.get() + " (looked at " + base.resolve(text.get()).normalize() + ")");
                    return Optional.empty();
                }
                return text.map(t -> base.resolve(t).normalize().toString());
            });
            String device = map.get("device").flatMap(n -> Choices.one(n, "device", List.of("auto", "cpu", "cuda", "tensorrt"), problems)).orElse("auto");
            int threads = map.get("threads").map(n -> Scalars.integer(n, "threads", 0, 256, "0 (all cores) to 256", problems).orElse(0)).orElse(0);
            map.rejectUnknown(List.of("path", "device", "threads"));
            path.ifPresent(p -> models.put(name.get(), new ModelConfig(name.get(), p, device, threads)));
        }
        return models;
    }

    /** A model of the Hugging Face cache: well named, and there (the show never downloads). */
    private Optional<String> hubModel(Node node, String source) {
        Optional<String> problem = HubCache.locate().problem(source);
        problem.ifPresent(message -> problems.at(node, message));
        return problem.isEmpty() ? Optional.of(source) : Optional.empty();
    }

    Optional<Usage> usage(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "'usage'", "a mapping such as {commercial: false}", problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        Optional<Boolean> commercial = maybe.get().require("commercial",
                "true for a paid exhibition, a commission or a sponsor's event; false otherwise")
                .flatMap(n -> Scalars.bool(n, "commercial", problems));
        maybe.get().rejectUnknown(List.of("commercial"));
        var mark = node.getStartMark();
        return commercial.map(c -> new Usage(c, mark.map(m -> m.getLine() + 1).orElse(1), mark.map(m -> m.getColumn() + 1).orElse(1)));
    }
}
