package org.liquide.scene;

import org.liquide.config.Choices;
import org.liquide.config.Problems;
import org.liquide.config.Scalars;
import org.liquide.config.YamlMapping;
import org.liquide.render.BlendMode;
import org.liquide.render.FitMode;
import org.liquide.scene.model.LayerLook;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** How a layer is composited (blend, opacity, fit, mirror, mask, key, region), from the layer's keys. */
final class LookReader {
    private static final List<String> BLENDS = Arrays.stream(BlendMode.values()).map(BlendMode::configName).toList();
    private static final List<String> FITS = Arrays.stream(FitMode.values()).map(FitMode::configName).toList();
    private final Path folder;
    private final Problems problems;

    LookReader(Path folder, Problems problems) {
        this.folder = folder;
        this.problems = problems;
    }

    LayerLook look(YamlMapping map) {
        LayerLook d = LayerLook.DEFAULT;
        BlendMode blend = map.get("blend").flatMap(n -> Choices.one(n, "blend", BLENDS, problems))
                .flatMap(BlendMode::fromConfigName).orElse(d.blend());
        double opacity = map.get("opacity").flatMap(n -> Scalars.boxed(Scalars.number(n, "opacity", 0, 1, "between 0 and 1", problems))).orElse(d.opacity());
        FitMode fit = map.get("fit").flatMap(n -> Choices.one(n, "fit", FITS, problems)).flatMap(FitMode::fromConfigName).orElse(d.fit());
        boolean mirror = map.get("mirror").flatMap(n -> Scalars.bool(n, "mirror", problems)).orElse(d.mirror());
        Optional<Path> mask = map.get("mask").flatMap(n -> {
            Optional<String> text = Scalars.text(n, "mask", "a grey image file", problems);
            Optional<Path> path = text.map(t -> folder.resolve(t).normalize());
            if (path.isPresent() && !Files.isRegularFile(path.get())) {
                problems.at(n, "mask not found: " + text.get() + " (looked at " + path.get() + ")");
                return Optional.empty();
            }
            return path;
        });
        double threshold = d.keyThreshold();
        double softness = d.keySoftness();
        Optional<Node> keyNode = map.get("key");
        if (keyNode.isPresent()) {
            Optional<YamlMapping> key = YamlMapping.of(keyNode.get(), "'key'", "a mapping with threshold and softness", problems);
            if (key.isPresent()) {
                threshold = key.get().get("threshold").flatMap(n -> Scalars.boxed(Scalars.number(n, "threshold", 0, 1, "between 0 and 1", problems))).orElse(threshold);
                softness = key.get().get("softness").flatMap(n -> Scalars.boxed(Scalars.number(n, "softness", 0, 1, "between 0 and 1", problems))).orElse(softness);
                key.get().rejectUnknown(List.of("threshold", "softness"));
            }
        }
        float[] region = map.get("region").flatMap(this::region).orElse(d.region());
        return new LayerLook(blend, opacity, fit, mirror, mask, threshold, softness, region);
    }

    private Optional<float[]> region(Node node) {
        if (node instanceof SequenceNode list && list.getValue().size() == 4) {
            float[] values = new float[4];
            for (int i = 0; i < 4; i++) {
                OptionalDouble v = Scalars.number(list.getValue().get(i), "region", 0, 1, "between 0 and 1", problems);
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                values[i] = (float) v.getAsDouble();
            }
            if (values[2] > values[0] && values[3] > values[1]) {
                return Optional.of(values);
            }
        }
        problems.at(node, "'region' is [x0, y0, x1, y1] of the output in [0, 1], y down, with x1 > x0 and y1 > y0");
        return Optional.empty();
    }
}
