package org.liquide.signal.mapping;

import org.liquide.signal.SignalBus;
import org.liquide.signal.SignalSample;

import java.util.List;
import java.util.function.Function;

/** Evaluates a scene's mappings once per frame, in order, without allocating. */
public final class MappingEngine {
    private final Mapping[] mappings;
    private final SignalSample scratch = new SignalSample();

    public MappingEngine(List<Mapping> mappings) {
        this.mappings = mappings.toArray(Mapping[]::new);
    }

    /** Builds the mappings of the given specs, resolving signals on the bus and targets by name. */
    public static MappingEngine build(List<MappingSpec> specs, SignalBus bus, Function<String, ParameterTarget> targets) {
        return new MappingEngine(specs.stream()
                .map(spec -> new Mapping(spec, bus.signal(spec.signal()), targets.apply(spec.target())))
                .toList());
    }

    public void evaluate(long nowNanos) {
        for (Mapping mapping : mappings) {
            mapping.evaluate(nowNanos, scratch);
        }
    }

    public List<Mapping> mappings() {
        return List.of(mappings);
    }
}
