package org.liquide.scene;

import org.liquide.config.Choices;
import org.liquide.config.Problems;
import org.liquide.config.Quantities;
import org.liquide.config.Scalars;
import org.liquide.config.Suggestions;
import org.liquide.config.YamlMapping;
import org.liquide.scene.model.FilterDefinition;
import org.liquide.signal.filter.ChangeTrigger;
import org.liquide.signal.filter.Curve;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A mapping's {@code filters:} in a scene file: each filter's name and settings, read into
 * {@link FilterDefinition}s.
 */
final class FilterReader {
    private static final List<String> FILTER_NAMES = List.of("one_euro", "smooth", "median", "hysteresis", "hold", "remap",
            "clamp", "dead_zone", "invert", "trigger");
    private static final List<String> CURVES = Arrays.stream(Curve.values()).map(Curve::configName).toList();
    private final Problems problems;

    FilterReader(Problems problems) {
        this.problems = problems;
    }

    List<FilterDefinition> filters(Node node) {
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
            String hint = Suggestions.closest(kind, FILTER_NAMES).map(c -> "; did you mean '" + c + "'?").orElse("");
            problems.at(node, "unknown filter '" + kind + "': expected one of " + String.join(", ", FILTER_NAMES) + hint);
            return Optional.empty();
        }
        Node at = args == null ? node : args;
        try {
            return switch (kind) {
                case "invert" -> args == null ? Optional.of(new FilterDefinition.InvertRange(0, 1))
                        : pair(at, "invert", FilterDefinition.InvertRange::new);
                case "smooth" -> Scalars.boxed(Quantities.seconds(at, "smooth", 0, 60, problems)).map(FilterDefinition.Smooth::new);
                case "hold" -> Scalars.boxed(Quantities.seconds(at, "hold", 0, 3600, problems)).map(FilterDefinition.Hold::new);
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
        double gamma = map.get("gamma").flatMap(n -> Scalars.boxed(Scalars.number(n, "gamma", 0.01, 100, "between 0.01 and 100", problems))).orElse(1.0);
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
            String key = mode.name().toLowerCase(Locale.ROOT);
            Optional<Node> value = map.get(key);
            if (value.isPresent()) {
                map.rejectUnknown(List.of(key));
                return Scalars.boxed(Scalars.number(value.get(), key, -1e9, 1e9, "a number", problems))
                        .map(v -> new FilterDefinition.Trigger(mode, v));
            }
        }
        problems.at(node, "'trigger' needs one of rising, falling or change, e.g. {rising: 0.5}");
        return Optional.empty();
    }
}
