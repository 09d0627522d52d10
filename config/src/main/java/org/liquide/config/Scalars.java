package org.liquide.config;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Reads scalar values out of YAML nodes, reporting what was expected when a value does not fit. Numbers are
 * read from the text as written, so {@code 0x29} is an address whichever YAML schema is in use.
 */
public final class Scalars {
    private Scalars() {
    }

    public static Optional<String> text(Node node, String key, String expectation, Problems problems) {
        Optional<String> value = scalar(node);
        if (value.isEmpty()) {
            problems.at(node, "'" + key + "' must be " + expectation + ", not " + describe(node));
        }
        return value;
    }

    public static OptionalInt integer(Node node, String key, int min, int max, String expectation, Problems problems) {
        Optional<String> text = scalar(node);
        if (text.isPresent()) {
            String s = text.get().trim().replace("_", "");
            try {
                long value = s.startsWith("0x") || s.startsWith("0X")
                        ? Long.parseLong(s.substring(2), 16)
                        : Long.parseLong(s);
                if (value >= min && value <= max) {
                    return OptionalInt.of((int) value);
                }
                problems.at(node, "'" + key + "' must be " + expectation + ", got " + text.get());
                return OptionalInt.empty();
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.at(node, "'" + key + "' must be " + expectation + ", not " + describe(node));
        return OptionalInt.empty();
    }

    public static OptionalDouble number(Node node, String key, double min, double max, String expectation,
                                 Problems problems) {
        Optional<String> text = scalar(node);
        if (text.isPresent()) {
            try {
                double value = Double.parseDouble(text.get().trim());
                if (Double.isFinite(value) && value >= min && value <= max) {
                    return OptionalDouble.of(value);
                }
                problems.at(node, "'" + key + "' must be " + expectation + ", got " + text.get());
                return OptionalDouble.empty();
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.at(node, "'" + key + "' must be " + expectation + ", not " + describe(node));
        return OptionalDouble.empty();
    }

    /** A number read as an {@code Optional}, to chain with {@code flatMap} and {@code orElse(default)}. */
    public static Optional<Double> boxed(OptionalDouble value) {
        return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
    }

    public static Optional<Boolean> bool(Node node, String key, Problems problems) {
        Optional<String> text = scalar(node);
        if (text.isPresent() && (text.get().equals("true") || text.get().equals("false"))) {
            return Optional.of(Boolean.parseBoolean(text.get()));
        }
        problems.at(node, "'" + key + "' must be true or false, not " + describe(node));
        return Optional.empty();
    }

    /** The text of a non-empty scalar; empty for null, {@code ~}, lists and mappings. */
    public static Optional<String> scalar(Node node) {
        if (node instanceof ScalarNode scalar) {
            String value = scalar.getValue();
            boolean nullish = scalar.isPlain() && (value.isEmpty() || value.equals("~") || value.equals("null"));
            if (!nullish && !value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    public static String describe(Node node) {
        return switch (node) {
            case MappingNode m -> "a mapping";
            case SequenceNode s -> "a list";
            case ScalarNode s when scalar(s).isEmpty() -> "empty";
            case ScalarNode s -> "\"" + abbreviate(s.getValue()) + "\"";
            default -> "something else";
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
