package org.liquide.scene.model;

import java.util.List;

/**
 * signal → filters → target, as the scene file says.
 *
 * @param target  {@code generator.strength}, {@code generator.prompt_blend}, {@code generator.camera_mix},
 *                {@code generator.latent.<0-7>}, {@code generator.seed} (on a trigger),
 *                {@code layer.<name>.opacity}, {@code layer.<name>.key}, {@code layer.<name>.blend} (index of
 *                the blend mode), {@code layer.<name>.input.<isf input>}
 */
public record MappingDefinition(String signal, int channel, List<FilterDefinition> filters, String target,
                                double defaultValue, double timeoutSeconds, double glideSeconds) {
    public MappingDefinition {
        filters = List.copyOf(filters);
    }
}
