package org.liquide.scene;

import org.liquide.config.Problems;
import org.liquide.config.Suggestions;
import org.liquide.render.shader.InputSpec;
import org.liquide.scene.model.LayerDefinition;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a mapping or cue target names something the scene has: the generator's parameters, a layer's look or
 * its shader's declared inputs, a prompt slot, an output channel of the showcase.
 */
final class SceneTargetCheck {
    private final Problems problems;
    private final Optional<SceneFiles.Showcase> showcase;
    /** The inputs each shader layer's file declares (null when the file did not read). */
    private final Map<String, List<InputSpec>> shaderInputs = new HashMap<>();
    /** The slots of the scene's prompt templates, which mappings may target as prompt.<slot>. */
    private final Set<String> promptSlots = new LinkedHashSet<>();

    SceneTargetCheck(Problems problems, Optional<SceneFiles.Showcase> showcase) {
        this.problems = problems;
        this.showcase = showcase;
    }

    /** A shader layer and the inputs its file declares (null when the file did not read: any input is taken). */
    void shaderLayer(String layer, List<InputSpec> declared) {
        shaderInputs.put(layer, declared);
    }

    /** Slots of a prompt template of the scene. */
    void promptSlots(Collection<String> slots) {
        promptSlots.addAll(slots);
    }

    /** Reports a target that the scene's layers, prompt slots and the showcase's outputs do not offer. */
    void check(String target, Node at, List<LayerDefinition> layers) {
        List<String> layerNames = layers.stream().map(LayerDefinition::name).toList();
        String[] parts = target.split("\\.");
        boolean known = switch (parts[0]) {
            case "generator" -> parts.length == 2 && List.of("strength", "prompt_blend", "camera_mix", "seed").contains(parts[1])
                    || parts.length == 3 && parts[1].equals("latent") && parts[2].matches("[0-7]");
            case "layer" -> parts.length >= 3 && layerNames.contains(parts[1]) && (parts.length == 3
                    && List.of("opacity", "key", "blend").contains(parts[2])
                    || (parts.length == 4 || parts.length == 5) && parts[2].equals("input") && shaderInput(parts));
            case "prompt" -> parts.length == 2 && promptSlots.contains(parts[1]);
            // a scene read on its own cannot know the showcase's channels: the run checks them
            case "dmx" -> showcase.map(s -> s.outputTargets().contains(target)).orElse(parts.length == 2);
            default -> false;
        };
        if (!known) {
            List<String> valid = new ArrayList<>(SceneTargets.describe(layerNames));
            showcase.ifPresent(s -> valid.addAll(s.outputTargets()));
            shaderInputs.forEach((layer, declared) -> valid.addAll(inputTargets(layer, declared)));
            String hint = Suggestions.closest(target, valid).map(c -> "; did you mean '" + c + "'?").orElse("");
            List<String> inputs = parts.length >= 4 && parts[0].equals("layer") && parts[2].equals("input")
                    ? inputTargets(parts[1], shaderInputs.get(parts[1])) : List.of();
            if (!inputs.isEmpty()) {
                problems.at(at, "unknown target '" + target + "': the shader of layer '" + parts[1] + "' has the inputs "
                        + String.join(", ", inputs) + hint);
                return;
            }
            problems.at(at, "unknown target '" + target + "': expected generator.strength, generator.prompt_blend, "
                    + "generator.camera_mix, generator.seed, generator.latent.0-7, layer.<name>.opacity|key|blend or "
                    + "layer.<shader layer>.input.<name>"
                    + (promptSlots.isEmpty() ? "" : ", prompt." + String.join("|", promptSlots))
                    + showcase.filter(s -> !s.outputTargets().isEmpty())
                            .map(s -> ", " + String.join(", ", new TreeSet<>(s.outputTargets()))).orElse("") + hint);
        }
    }

    /** The targets a shader layer's declared inputs offer (none when its file did not read). */
    private static List<String> inputTargets(String layer, List<InputSpec> declared) {
        List<String> targets = new ArrayList<>();
        for (InputSpec spec : declared == null ? List.<InputSpec>of() : declared) {
            String input = "layer." + layer + ".input." + spec.name();
            switch (spec) {
                case InputSpec.Point2DInput p -> List.of("x", "y").forEach(c -> targets.add(input + "." + c));
                case InputSpec.ColorInput c -> List.of("r", "g", "b", "a").forEach(k -> targets.add(input + "." + k));
                case InputSpec.ImageInput i -> { }
                case InputSpec.AudioInput a -> { }
                default -> targets.add(input);
            }
        }
        return targets;
    }

    /** layer.<shader>.input.<name>[.x|.y|.r|.g|.b|.a] names a declared input (unknown when the file did not read). */
    private boolean shaderInput(String[] parts) {
        if (!shaderInputs.containsKey(parts[1])) {
            return false;
        }
        List<InputSpec> declared = shaderInputs.get(parts[1]);
        if (declared == null) {
            return true;
        }
        String component = parts.length == 5 ? parts[4] : "";
        return declared.stream().filter(spec -> spec.name().equals(parts[3])).anyMatch(spec -> switch (spec) {
            case InputSpec.Point2DInput p -> List.of("x", "y").contains(component);
            case InputSpec.ColorInput c -> List.of("r", "g", "b", "a").contains(component);
            case InputSpec.ImageInput i -> false;
            case InputSpec.AudioInput a -> false;
            default -> component.isEmpty();
        });
    }
}
