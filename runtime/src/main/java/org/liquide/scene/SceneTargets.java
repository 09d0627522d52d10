package org.liquide.scene;

import org.liquide.generate.GenerationParams;
import org.liquide.render.BlendMode;
import org.liquide.render.LayerStyle;
import org.liquide.signal.mapping.ParameterTarget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves a mapping's target name to what it moves in a running scene:
 * {@code generator.strength | prompt_blend | camera_mix | latent.<0-7> | seed} and
 * {@code layer.<name>.opacity | key | blend}, plus whatever extra targets layers offer (ISF inputs as
 * {@code layer.<name>.input.<input>}).
 */
public final class SceneTargets {
    private final GenerationParams params;
    private final Map<String, LayerStyle> styles;
    private final Function<String, Optional<ParameterTarget>> extra;

    public SceneTargets(GenerationParams params, Map<String, LayerStyle> styles, Function<String, Optional<ParameterTarget>> extra) {
        this.params = params;
        this.styles = styles;
        this.extra = extra;
    }

    /** The names a scene file may use, for validation messages. */
    public static List<String> describe(List<String> layerNames) {
        List<String> names = new ArrayList<>(List.of("generator.strength", "generator.prompt_blend", "generator.camera_mix",
                "generator.seed", "generator.latent.0", "...", "generator.latent.7"));
        for (String layer : layerNames) {
            names.add("layer." + layer + ".opacity");
            names.add("layer." + layer + ".key");
            names.add("layer." + layer + ".blend");
        }
        return names;
    }

    /** The target, or empty when the name means nothing in this scene. */
    public Optional<ParameterTarget> resolve(String name) {
        String[] parts = name.split("\\.");
        if (parts.length >= 2 && parts[0].equals("generator")) {
            return generator(name, parts);
        }
        if (parts.length == 3 && parts[0].equals("layer") && styles.containsKey(parts[1])) {
            LayerStyle style = styles.get(parts[1]);
            BlendMode[] modes = BlendMode.values();
            return switch (parts[2]) {
                case "opacity" -> Optional.of(new ParameterTarget(name, v -> style.opacity((float) v)));
                case "key" -> Optional.of(new ParameterTarget(name, v -> style.keyThreshold((float) v)));
                case "blend" -> Optional.of(new ParameterTarget(name,
                        v -> style.blend(modes[(int) Math.max(0, Math.min(modes.length - 1, Math.round(v)))])));
                default -> Optional.empty();
            };
        }
        return extra.apply(name);
    }

    private Optional<ParameterTarget> generator(String name, String[] parts) {
        if (parts.length == 2) {
            return switch (parts[1]) {
                case "strength" -> Optional.of(new ParameterTarget(name, v -> params.strength((float) v)));
                case "prompt_blend" -> Optional.of(new ParameterTarget(name, v -> params.promptBlend((float) v)));
                case "camera_mix" -> Optional.of(new ParameterTarget(name, v -> params.cameraMix((float) v)));
                case "seed" -> Optional.of(ParameterTarget.onRisingEdge(name, () -> params.seed(params.seed() + 1)));
                default -> Optional.empty();
            };
        }
        if (parts.length == 3 && parts[1].equals("latent")) {
            try {
                int index = Integer.parseInt(parts[2]);
                if (index >= 0 && index < GenerationParams.LATENT_SIZE) {
                    float[] latent = params.latent();
                    return Optional.of(new ParameterTarget(name, v -> latent[index] = (float) v));
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
