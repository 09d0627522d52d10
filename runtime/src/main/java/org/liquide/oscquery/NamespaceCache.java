package org.liquide.oscquery;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The address space, built again from the show at most every {@link #REFRESH_NANOS}: HTTP requests and the value
 * stream share one build, and a flood of requests does not read the scene files once each.
 */
final class NamespaceCache {
    static final long REFRESH_NANOS = 500_000_000L;

    private final Supplier<OscNode> source;
    private final LongSupplier clock;
    private OscNamespace built;
    private long builtAt;

    NamespaceCache(Supplier<OscNode> source, LongSupplier clock) {
        this.source = source;
        this.clock = clock;
    }

    synchronized OscNamespace current() {
        long now = clock.getAsLong();
        if (built == null || now - builtAt >= REFRESH_NANOS) {
            built = new OscNamespace(source.get());
            builtAt = now;
        }
        return built;
    }
}
