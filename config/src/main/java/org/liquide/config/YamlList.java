package org.liquide.config;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A YAML list read item by item: an item that does not read has reported why and is left out. */
public final class YamlList {
    private YamlList() {
    }

    /** The items {@code reader} reads; a node that is not a list is reported as {@code 'key' must be a list}. */
    public static <T> List<T> items(Node node, String key, Function<Node, Optional<T>> reader, Problems problems) {
        if (!(node instanceof SequenceNode sequence)) {
            problems.at(node, "'" + key + "' must be a list, not " + Scalars.describe(node));
            return List.of();
        }
        List<T> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            reader.apply(item).ifPresent(items::add);
        }
        return items;
    }
}
