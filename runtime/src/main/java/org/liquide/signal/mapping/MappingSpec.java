package org.liquide.signal.mapping;

import org.liquide.signal.filter.SignalFilter;

import java.util.List;
import java.util.function.Supplier;

/**
 * A mapping as configured: which signal (and channel), the filter chain (as factories, since each
 * running mapping needs its own filter state), what it moves, its value while the signal is stale,
 * how long a silence makes it stale, and an optional per-frame glide towards each new value.
 */
public record MappingSpec(String signal, int channel, List<Supplier<SignalFilter>> filters, String target,
                          double defaultValue, double timeoutSeconds, double glideSeconds) {
    public MappingSpec {
        filters = List.copyOf(filters);
        if (channel < 0) {
            throw new IllegalArgumentException("channel must be >= 0");
        }
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("timeout must be > 0");
        }
        if (glideSeconds < 0) {
            throw new IllegalArgumentException("glide must be >= 0");
        }
    }
}
