package org.liquide.scene;

import org.liquide.render.BlendMode;
import org.liquide.render.shader.InputSpec;
import org.liquide.scene.model.GeneratorSettings;
import org.liquide.scene.model.LayerDefinition;
import org.liquide.scene.model.LayerLook;
import org.liquide.scene.model.SceneDefinition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import static org.liquide.scene.MappableParameter.Kind.BOOL;
import static org.liquide.scene.MappableParameter.Kind.FLOAT;
import static org.liquide.scene.MappableParameter.Kind.INTEGER;
import static org.liquide.scene.MappableParameter.Kind.TRIGGER;

/**
 * Every target a scene's mappings may name ({@link SceneTargets}, {@link ShaderInputTargets}), described from the
 * scene file and its shaders' declared inputs, without building the scene.
 */
public final class MappableParameters {
    private static final List<String> COLOR = List.of("r", "g", "b", "a");

    private MappableParameters() {
    }

    /**
     * @param shaderInputs a shader file's declared inputs (empty when it does not read)
     */
    public static List<MappableParameter> of(SceneDefinition scene, Function<Path, List<InputSpec>> shaderInputs) {
        List<MappableParameter> list = new ArrayList<>();
        scene.layers().stream().filter(LayerDefinition.Generate.class::isInstance).findFirst()
                .map(layer -> ((LayerDefinition.Generate) layer).generator().orElse(scene.generator()))
                .ifPresent(settings -> generator(settings, list));
        List<String> blends = Arrays.stream(BlendMode.values()).map(BlendMode::configName).toList();
        for (LayerDefinition layer : scene.layers()) {
            String prefix = "layer." + layer.name() + ".";
            LayerLook look = layer.look();
            list.add(new MappableParameter(prefix + "opacity", FLOAT, 0, 1, List.of(), look.opacity(),
                    "opacity of layer '" + layer.name() + "'"));
            list.add(new MappableParameter(prefix + "key", FLOAT, 0, 1, List.of(), look.keyThreshold(),
                    "luminance key threshold of layer '" + layer.name() + "'"));
            list.add(new MappableParameter(prefix + "blend", INTEGER, 0, blends.size() - 1, blends, look.blend().ordinal(),
                    "blend mode of layer '" + layer.name() + "' (" + String.join(", ", blends) + ")"));
            if (layer instanceof LayerDefinition.Shader shader) {
                for (InputSpec input : shaderInputs.apply(shader.file())) {
                    shaderInput(prefix + "input." + input.name(), layer.name(), input,
                            Optional.ofNullable(shader.inputs().get(input.name())), list);
                }
            }
        }
        return list;
    }

    private static void generator(GeneratorSettings settings, List<MappableParameter> list) {
        list.add(new MappableParameter("generator.strength", FLOAT, 0, 1, List.of(), settings.strength(),
                "how far the generator departs from its input"));
        list.add(new MappableParameter("generator.prompt_blend", FLOAT, 0, 1, List.of(), 0,
                "blend between the generator's prompts"));
        list.add(new MappableParameter("generator.camera_mix", FLOAT, 0, 1, List.of(), settings.cameraMix(),
                "how much of the camera flows into the built-in generators"));
        list.add(new MappableParameter("generator.seed", TRIGGER, 0, 1, List.of(), Double.NaN,
                "a new seed each time the value rises through 0.5"));
        for (int i = 0; i < org.liquide.generate.GenerationParams.LATENT_SIZE; i++) {
            list.add(new MappableParameter("generator.latent." + i, FLOAT, -1, 1, List.of(), 0,
                    "component " + i + " of the generator's latent vector"));
        }
    }

    private static void shaderInput(String target, String layer, InputSpec input, Optional<String> written,
                                    List<MappableParameter> list) {
        String about = "ISF input '" + input.label() + "' of layer '" + layer + "'";
        switch (input) {
            case InputSpec.FloatInput f -> list.add(new MappableParameter(target, FLOAT, decimal(f.min()), decimal(f.max()), List.of(),
                    written.flatMap(MappableParameters::number).orElse(decimal(f.defaultValue())), about));
            case InputSpec.LongInput l -> list.add(new MappableParameter(target, INTEGER, l.min(), l.max(),
                    l.values().isEmpty() ? List.of() : choices(l), written.flatMap(MappableParameters::number)
                    .orElse((double) l.defaultValue()), about));
            case InputSpec.BoolInput b -> list.add(new MappableParameter(target, BOOL, 0, 1, List.of(),
                    written.map(text -> text.strip().toLowerCase(Locale.ROOT)).map(text -> text.equals("true") || text.equals("1") ? 1.0 : 0.0)
                            .orElse(b.defaultValue() ? 1.0 : 0.0), about));
            case InputSpec.EventInput e -> list.add(new MappableParameter(target, TRIGGER, 0, 1, List.of(), Double.NaN,
                    about + ": fires each time the value rises through 0.5"));
            case InputSpec.Point2DInput p -> {
                list.add(new MappableParameter(target + ".x", FLOAT, decimal(p.min().x()), decimal(p.max().x()), List.of(),
                        decimal(p.defaultValue().x()), about + ", x"));
                list.add(new MappableParameter(target + ".y", FLOAT, decimal(p.min().y()), decimal(p.max().y()), List.of(),
                        decimal(p.defaultValue().y()), about + ", y"));
            }
            case InputSpec.ColorInput c -> {
                float[] start = {c.defaultValue().r(), c.defaultValue().g(), c.defaultValue().b(), c.defaultValue().a()};
                for (int i = 0; i < COLOR.size(); i++) {
                    list.add(new MappableParameter(target + "." + COLOR.get(i), FLOAT, 0, 1, List.of(), decimal(start[i]),
                            about + ", " + COLOR.get(i)));
                }
            }
            default -> {
                // images and audio are not set by mappings
            }
        }
    }

    /** The labels of a choice's values from its smallest on, when they are consecutive; otherwise the values. */
    private static List<String> choices(InputSpec.LongInput input) {
        List<String> names = new ArrayList<>();
        for (int value = input.min(); value <= input.max() && names.size() <= 256; value++) {
            int at = input.values().indexOf(value);
            if (at < 0) {
                return List.of();
            }
            names.add(at < input.labels().size() ? input.labels().get(at) : Integer.toString(value));
        }
        return names;
    }

    /** A float as the decimal the artist wrote (0.1f is 0.1, not 0.10000000149011612); infinities stay. */
    private static double decimal(float value) {
        return Float.isFinite(value) ? Double.parseDouble(Float.toString(value)) : value;
    }

    private static Optional<Double> number(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
