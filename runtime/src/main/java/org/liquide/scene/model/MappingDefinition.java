package org.liquide.scene.model;

import org.liquide.signal.filter.SignalFilter;
import org.liquide.signal.mapping.MappingSpec;

import java.util.List;
import java.util.function.Supplier;

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

    /** The mapping as the signal engine runs it: each running mapping makes its own filters. */
    public MappingSpec toSpec() {
        List<Supplier<SignalFilter>> factories = filters.stream().<Supplier<SignalFilter>>map(filter -> filter::create).toList();
        return new MappingSpec(signal, channel, factories, target, defaultValue, timeoutSeconds, glideSeconds);
    }
}
