package org.liquide.config;

import org.snakeyaml.engine.v2.nodes.Node;

import java.util.List;
import java.util.Optional;

/** A word from a fixed list (a blend mode, a layer type), with the closest valid one suggested on a typo. */
public final class Choices {
    private Choices() {
    }

    public static Optional<String> one(Node node, String key, List<String> allowed, Problems problems) {
        Optional<String> text = Scalars.scalar(node);
        if (text.isPresent() && allowed.contains(text.get())) {
            return text;
        }
        String got = text.map(t -> "'" + t + "'").orElse(Scalars.describe(node));
        String hint = text.flatMap(t -> Suggestions.closest(t, allowed)).map(c -> "; did you mean '" + c + "'?").orElse("");
        problems.at(node, "'" + key + "' must be one of " + String.join(", ", allowed) + ", got " + got + hint);
        return Optional.empty();
    }
}
