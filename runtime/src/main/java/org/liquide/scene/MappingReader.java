package org.liquide.scene;

import org.liquide.config.Problems;
import org.liquide.config.Quantities;
import org.liquide.config.Scalars;
import org.liquide.config.YamlMapping;
import org.liquide.scene.model.FilterDefinition;
import org.liquide.scene.model.LayerDefinition;
import org.liquide.scene.model.MappingDefinition;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A scene file's {@code mappings:}, each a signal, its filters and the target it moves. */
final class MappingReader {
    private static final List<String> MAPPING_KEYS = List.of("signal", "channel", "filters", "target", "default", "timeout", "glide");
    private final Problems problems;
    private final FilterReader filterReader;
    private final SceneTargetCheck targets;

    MappingReader(Problems problems, SceneTargetCheck targets) {
        this.problems = problems;
        this.filterReader = new FilterReader(problems);
        this.targets = targets;
    }

    List<MappingDefinition> mappings(Node node, List<LayerDefinition> layers) {
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
        List<FilterDefinition> filters = map.get("filters").map(filterReader::filters).orElse(List.of());
        Optional<Node> targetNode = map.require("target", "what the signal moves, e.g. generator.strength or layer.<name>.opacity");
        Optional<String> target = targetNode.flatMap(n -> Scalars.text(n, "target", "a target name", problems));
        target.ifPresent(t -> targets.check(t, targetNode.get(), layers));
        double defaultValue = map.get("default").flatMap(n -> Scalars.boxed(Scalars.number(n, "default", -1e9, 1e9, "a number", problems))).orElse(0.0);
        double timeout = map.get("timeout").flatMap(n -> Scalars.boxed(Quantities.seconds(n, "timeout", 0.05, 3600, problems))).orElse(3.0);
        double glide = map.get("glide").flatMap(n -> Scalars.boxed(Quantities.seconds(n, "glide", 0, 60, problems))).orElse(0.0);
        map.rejectUnknown(MAPPING_KEYS);
        if (signal.isEmpty() || target.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MappingDefinition(signal.get(), channel, filters, target.get(), defaultValue, timeout, glide));
    }
}
