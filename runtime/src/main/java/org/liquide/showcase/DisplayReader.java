package org.liquide.showcase;

import org.liquide.config.Problems;
import org.liquide.config.Quantities;
import org.liquide.config.Scalars;
import org.liquide.config.YamlMapping;
import org.liquide.render.output.DisplaySetup;
import org.liquide.render.output.SoftEdge;
import org.liquide.render.output.Warp;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A showcase's {@code output:} (size and rate) and its {@code displays:}: each display's monitor, region of the
 * output, corner pin, mesh warp and soft edges.
 */
final class DisplayReader {
    private final Problems problems;

    DisplayReader(Problems problems) {
        this.problems = problems;
    }

    OutputConfig output(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "'output'", "a mapping with size and fps", problems);
        if (maybe.isEmpty()) {
            return new OutputConfig(1280, 720, 60);
        }
        int[] size = maybe.get().get("size").flatMap(n -> Quantities.size(n, "size", 64, 8192, problems)).orElse(new int[]{1280, 720});
        double fps = maybe.get().get("fps").flatMap(n -> Scalars.boxed(Scalars.number(n, "fps", 1, 240, "1 to 240", problems))).orElse(60.0);
        maybe.get().rejectUnknown(List.of("size", "fps"));
        return new OutputConfig(size[0], size[1], fps);
    }

    Optional<DisplaySetup> display(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "a display", "a mapping with name, monitor, size...", problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping map = maybe.get();
        Optional<String> name = map.require("name", "the display's name").flatMap(n -> Scalars.text(n, "name", "a name", problems));
        name.ifPresent(n -> map.describeAs("display '" + n + "'"));
        String monitor = map.get("monitor").flatMap(n -> Scalars.text(n, "monitor", "an index or part of the monitor's name", problems)).orElse("");
        int[] size = map.get("size").flatMap(n -> Quantities.size(n, "size", 64, 8192, problems)).orElse(new int[]{1920, 1080});
        boolean fullscreen = map.get("fullscreen").flatMap(n -> Scalars.bool(n, "fullscreen", problems)).orElse(true);
        float[] region = map.get("region").flatMap(this::region).orElse(new float[]{0, 0, 1, 1});
        double[][] corners = map.get("corners").flatMap(this::corners).orElse(new double[][]{{0, 0}, {1, 0}, {1, 1}, {0, 1}});
        Optional<DisplaySetup.Mesh> mesh = map.get("mesh").flatMap(this::mesh);
        SoftEdge edges = map.get("soft_edge").flatMap(this::softEdge).orElse(SoftEdge.NONE);
        map.rejectUnknown(List.of("name", "monitor", "size", "fullscreen", "region", "corners", "mesh", "soft_edge"));
        return name.map(n -> new DisplaySetup(n, monitor, size[0], size[1], fullscreen, region, corners, mesh, edges));
    }

    private Optional<double[]> numbers(Node node, String key, int count, double min, double max) {
        if (!(node instanceof SequenceNode list) || list.getValue().size() != count) {
            problems.at(node, "'" + key + "' must be a list of " + count + " numbers, not " + Scalars.describe(node));
            return Optional.empty();
        }
        double[] values = new double[count];
        boolean ok = true;
        for (int i = 0; i < count; i++) {
            OptionalDouble v = Scalars.number(list.getValue().get(i), key, min, max, "between " + min + " and " + max, problems);
            ok &= v.isPresent();
            values[i] = v.orElse(0);
        }
        return ok ? Optional.of(values) : Optional.empty();
    }

    private Optional<float[]> region(Node node) {
        return numbers(node, "region", 4, 0, 1).flatMap(v -> {
            if (v[2] <= v[0] || v[3] <= v[1]) {
                problems.at(node, "'region' is [x0, y0, x1, y1] with x1 > x0 and y1 > y0");
                return Optional.empty();
            }
            return Optional.of(new float[]{(float) v[0], (float) v[1], (float) v[2], (float) v[3]});
        });
    }

    private Optional<double[][]> corners(Node node) {
        if (!(node instanceof SequenceNode list) || list.getValue().size() != 4) {
            problems.at(node, "'corners' must be four [x, y] points: top-left, top-right, bottom-right, bottom-left");
            return Optional.empty();
        }
        double[][] corners = new double[4][];
        for (int i = 0; i < 4; i++) {
            Optional<double[]> point = numbers(list.getValue().get(i), "corners", 2, -1, 2);
            if (point.isEmpty()) {
                return Optional.empty();
            }
            corners[i] = point.get();
        }
        try {
            Warp.pinned(corners);
        } catch (IllegalArgumentException e) {
            problems.at(node, "'corners' cannot be used: " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(corners);
    }

    private Optional<DisplaySetup.Mesh> mesh(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "'mesh'", "a mapping with columns, rows and offsets", problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping map = maybe.get();
        int columns = map.require("columns", "2 to 8").map(n -> Scalars.integer(n, "columns", 2, 8, "2 to 8", problems).orElse(0)).orElse(0);
        int rows = map.require("rows", "2 to 8").map(n -> Scalars.integer(n, "rows", 2, 8, "2 to 8", problems).orElse(0)).orElse(0);
        Optional<double[]> offsets = columns > 0 && rows > 0
                ? map.require("offsets", "dx, dy for each point, row by row").flatMap(n -> numbers(n, "offsets", columns * rows * 2, -1, 1))
                : Optional.empty();
        map.rejectUnknown(List.of("columns", "rows", "offsets"));
        return offsets.map(o -> new DisplaySetup.Mesh(columns, rows, o));
    }

    private Optional<SoftEdge> softEdge(Node node) {
        Optional<YamlMapping> maybe = YamlMapping.of(node, "'soft_edge'", "a mapping with left, right, top, bottom, curve, gamma", problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping map = maybe.get();
        double left = edge(map, "left");
        double right = edge(map, "right");
        double top = edge(map, "top");
        double bottom = edge(map, "bottom");
        double curve = map.get("curve").flatMap(n -> Scalars.boxed(Scalars.number(n, "curve", 1, 10, "1 to 10", problems))).orElse(2.0);
        double gamma = map.get("gamma").flatMap(n -> Scalars.boxed(Scalars.number(n, "gamma", 0.1, 5, "0.1 to 5", problems))).orElse(2.2);
        map.rejectUnknown(List.of("left", "right", "top", "bottom", "curve", "gamma"));
        return Optional.of(new SoftEdge(left, right, top, bottom, curve, gamma));
    }

    private double edge(YamlMapping map, String key) {
        return map.get(key).flatMap(n -> Scalars.boxed(Scalars.number(n, key, 0, 0.5, "between 0 and 0.5 of the display", problems))).orElse(0.0);
    }
}
