package org.liquide.config;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A YAML mapping read key by key: it reports duplicate keys, missing required keys, and, once every known key
 * has been taken, the keys nobody asked for, with the closest valid key.
 */
public final class YamlMapping {
    private final MappingNode node;
    private String where;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> taken = new HashSet<>();

    private YamlMapping(MappingNode node, String where, Problems problems) {
        this.node = node;
        this.where = where;
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.at(tuple.getKeyNode(), "keys in " + where + " must be plain words");
                continue;
            }
            NodeTuple first = entries.putIfAbsent(key.getValue(), tuple);
            if (first != null) {
                problems.at(key, "'" + key.getValue() + "' is given twice in " + where + " (first at line "
                        + first.getKeyNode().getStartMark().map(m -> m.getLine() + 1).orElse(0) + ")");
            }
        }
    }

    /** The node as a mapping; reports an error and gives empty when it is something else. */
    public static Optional<YamlMapping> of(Node node, String where, String expectation, Problems problems) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new YamlMapping(mapping, where, problems));
        }
        problems.at(node, where + " must be " + expectation + ", not " + Scalars.describe(node));
        return Optional.empty();
    }

    /** Names the mapping in later messages, once it is known (a sensor's name is read from the mapping). */
    public void describeAs(String description) {
        this.where = description;
    }

    public Node node() {
        return node;
    }

    public Optional<Node> get(String key) {
        taken.add(key);
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    public Optional<Node> require(String key, String expectation) {
        Optional<Node> value = get(key);
        if (value.isEmpty()) {
            problems.at(node, "missing '" + key + "' in " + where + ": expected " + expectation);
        }
        return value;
    }

    /**
     * Reports each key not taken and not in {@code allowed}; {@code hint} may explain a key better than a
     * spelling suggestion can (e.g. an option written outside {@code options:}).
     */
    public void rejectUnknown(List<String> allowed, Function<String, Optional<String>> hint) {
        for (var entry : entries.entrySet()) {
            String key = entry.getKey();
            if (taken.contains(key) || allowed.contains(key)) {
                continue;
            }
            String message = "unknown key '" + key + "' in " + where;
            Optional<String> explanation = hint.apply(key);
            if (explanation.isPresent()) {
                message += ": " + explanation.get();
            } else {
                Optional<String> closest = Suggestions.closest(key, allowed);
                message += closest.map(c -> "; did you mean '" + c + "'?")
                        .orElse("; expected one of " + String.join(", ", allowed));
            }
            problems.at(entry.getValue().getKeyNode(), message);
        }
    }

    public void rejectUnknown(List<String> allowed) {
        rejectUnknown(allowed, key -> Optional.empty());
    }
}
