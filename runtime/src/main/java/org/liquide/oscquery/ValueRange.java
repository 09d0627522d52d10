package org.liquide.oscquery;

import java.util.List;
import java.util.Optional;

/** The RANGE of one value of an OSC method: a minimum and maximum, or the values it takes ({@code VALS}). */
public record ValueRange(Optional<Double> min, Optional<Double> max, List<Object> values) {
    public ValueRange {
        values = List.copyOf(values);
    }

    public static ValueRange between(double min, double max) {
        return new ValueRange(finite(min), finite(max), List.of());
    }

    public static ValueRange of(List<?> values) {
        return new ValueRange(Optional.empty(), Optional.empty(), List.copyOf(values));
    }

    /** No bound and no values: written as null, the proposal's placeholder. */
    public boolean isEmpty() {
        return min.isEmpty() && max.isEmpty() && values.isEmpty();
    }

    private static Optional<Double> finite(double value) {
        return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    }
}
