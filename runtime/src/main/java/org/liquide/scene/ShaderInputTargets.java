package org.liquide.scene;

import org.liquide.render.shader.InputSpec;
import org.liquide.render.shader.ShaderInputs;
import org.liquide.render.shader.ShaderLayer;
import org.liquide.signal.mapping.ParameterTarget;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mapping targets for ISF inputs: {@code layer.<shader layer>.input.<input>}, with {@code .x}/{@code .y}
 * for a point and {@code .r}/{@code .g}/{@code .b}/{@code .a} for a colour. Floats and longs take the
 * value, bools are on from 0.5, events fire on each rise through 0.5.
 */
final class ShaderInputTargets {
    private static final List<String> COLOR = List.of("r", "g", "b", "a");
    private static final List<String> POINT = List.of("x", "y");

    private ShaderInputTargets() {
    }

    static Optional<ParameterTarget> resolve(String name, Map<String, ShaderLayer> shaderLayers) {
        String[] parts = name.split("\\.");
        if (parts.length < 4 || parts.length > 5 || !parts[0].equals("layer") || !parts[2].equals("input")) {
            return Optional.empty();
        }
        ShaderLayer layer = shaderLayers.get(parts[1]);
        if (layer == null) {
            return Optional.empty();
        }
        ShaderInputs inputs = layer.inputs();
        int index = inputs.index(parts[3]);
        if (index < 0) {
            return Optional.empty();
        }
        String component = parts.length == 5 ? parts[4] : "";
        return switch (inputs.spec(index)) {
            case InputSpec.FloatInput f when component.isEmpty() -> Optional.of(new ParameterTarget(name, v -> inputs.setFloat(index, (float) v)));
            case InputSpec.LongInput l when component.isEmpty() -> Optional.of(new ParameterTarget(name, v -> inputs.setLong(index, (int) Math.round(v))));
            case InputSpec.BoolInput b when component.isEmpty() -> Optional.of(new ParameterTarget(name, v -> inputs.setBool(index, v >= 0.5)));
            case InputSpec.EventInput e when component.isEmpty() -> Optional.of(ParameterTarget.onRisingEdge(name, () -> inputs.fireEvent(index)));
            case InputSpec.Point2DInput p when POINT.contains(component) -> {
                int c = POINT.indexOf(component);
                yield Optional.of(new ParameterTarget(name, v -> inputs.setPoint(index,
                        c == 0 ? (float) v : inputs.component(index, 0), c == 1 ? (float) v : inputs.component(index, 1))));
            }
            case InputSpec.ColorInput color when COLOR.contains(component) -> {
                int c = COLOR.indexOf(component);
                yield Optional.of(new ParameterTarget(name, v -> inputs.setColor(index,
                        c == 0 ? (float) v : inputs.component(index, 0), c == 1 ? (float) v : inputs.component(index, 1),
                        c == 2 ? (float) v : inputs.component(index, 2), c == 3 ? (float) v : inputs.component(index, 3))));
            }
            default -> Optional.empty();
        };
    }
}
