package org.liquide.signal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Every signal the show receives, by name ({@code entree/distance}, {@code osc/fader1},
 * {@code vision/main/motion}). Sources publish from their own threads; mappings and status pages read.
 * A bounded number of names protects the show from a flood of unknown topics; what is dropped is
 * counted per source and reason.
 */
public final class SignalBus {
    public static final int MAX_SIGNALS = 1024;

    private final ConcurrentHashMap<String, Signal> signals = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SourceCounters> sources = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public SignalBus() {
        this(System::nanoTime);
    }

    /** @param clock nanosecond clock stamped on each value (injectable for tests) */
    public SignalBus(LongSupplier clock) {
        this.clock = clock;
    }

    /** The signal with this name, created if needed (for mappings set up before any message arrives). */
    public Signal signal(String name) {
        Signal existing = signals.get(name);
        if (existing != null) {
            return existing;
        }
        if (signals.size() >= MAX_SIGNALS) {
            throw new IllegalStateException("more than " + MAX_SIGNALS + " signals");
        }
        return signals.computeIfAbsent(name, Signal::new);
    }

    /**
     * Publishes a value from a source. Returns false (and counts the drop) when the name is new and the
     * bus is full, or the value is not finite.
     */
    public boolean publish(String source, String name, double[] values, int count, long sourceMillis) {
        SourceCounters counters = counters(source);
        for (int i = 0; i < count; i++) {
            if (!Double.isFinite(values[i])) {
                counters.drop("not-finite");
                return false;
            }
        }
        Signal signal = signals.get(name);
        if (signal == null) {
            if (signals.size() >= MAX_SIGNALS) {
                counters.drop("too-many-signals");
                return false;
            }
            signal = signals.computeIfAbsent(name, Signal::new);
        }
        signal.write(values, Math.min(count, Signal.MAX_CHANNELS), clock.getAsLong(), sourceMillis);
        counters.accepted.increment();
        return true;
    }

    /** Counts a message a source could not use (malformed, wrong type, unknown address...). */
    public void drop(String source, String reason) {
        counters(source).drop(reason);
    }

    private SourceCounters counters(String source) {
        return sources.computeIfAbsent(source, SourceCounters::new);
    }

    /** All signals, sorted by name. */
    public List<Signal> signals() {
        List<Signal> list = new ArrayList<>(signals.values());
        list.sort(Comparator.comparing(Signal::name));
        return list;
    }

    public long nowNanos() {
        return clock.getAsLong();
    }

    /** Counters per source, sorted by name. */
    public List<SourceCounters> sources() {
        List<SourceCounters> list = new ArrayList<>(sources.values());
        list.sort(Comparator.comparing(SourceCounters::source));
        return list;
    }

    /** Accepted and dropped messages of one source. */
    public static final class SourceCounters {
        private final String source;
        private final LongAdder accepted = new LongAdder();
        private final ConcurrentHashMap<String, LongAdder> dropped = new ConcurrentHashMap<>();

        SourceCounters(String source) {
            this.source = source;
        }

        void drop(String reason) {
            dropped.computeIfAbsent(reason, r -> new LongAdder()).increment();
        }

        public String source() {
            return source;
        }

        public long accepted() {
            return accepted.sum();
        }

        public long dropped(String reason) {
            LongAdder adder = dropped.get(reason);
            return adder == null ? 0 : adder.sum();
        }

        public long droppedTotal() {
            return dropped.values().stream().mapToLong(LongAdder::sum).sum();
        }

        /** Drops by reason, sorted. */
        public java.util.SortedMap<String, Long> droppedByReason() {
            java.util.TreeMap<String, Long> map = new java.util.TreeMap<>();
            dropped.forEach((reason, count) -> map.put(reason, count.sum()));
            return map;
        }
    }
}
