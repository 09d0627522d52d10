package org.liquide.show.status;

import org.liquide.signal.Signal;
import org.liquide.signal.SignalBus;
import org.liquide.signal.SignalSample;
import org.liquide.signal.mapping.Mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Signals as the panel and the signals monitor show them: last value, age, staleness, and what they move. */
public final class SignalRows {
    /** An unmapped signal silent this long is shown stale (a mapped one follows its mapping's timeout). */
    public static final double SILENT_SECONDS = 5;
    /** Signals the show makes itself, named {@code <source>/...}: its camera analysis, audio inputs, MIDI controllers. */
    private static final java.util.List<String> INSIDE_SOURCES = java.util.List.of("vision", "audio", "midi");

    private SignalRows() {
    }

    /** One row per signal; a mapped signal shows its first mapping (the panel's list). */
    public static List<SignalStatus> perSignal(SignalBus bus, List<Mapping> mappings) {
        Map<String, Mapping> first = new HashMap<>();
        mappings.forEach(m -> first.putIfAbsent(m.spec().signal(), m));
        SignalSample sample = new SignalSample();
        long now = bus.nowNanos();
        List<SignalStatus> rows = new ArrayList<>();
        for (Signal signal : bus.signals()) {
            rows.add(row(signal, first.get(signal.name()), sample, now));
        }
        return rows;
    }

    /** One row per mapping, then one per signal that no mapping reads (the signals monitor). */
    public static List<SignalStatus> perMapping(SignalBus bus, List<Mapping> mappings) {
        SignalSample sample = new SignalSample();
        long now = bus.nowNanos();
        List<SignalStatus> rows = new ArrayList<>();
        Set<String> mapped = new HashSet<>();
        for (Mapping mapping : mappings) {
            mapped.add(mapping.spec().signal());
            rows.add(row(bus.signal(mapping.spec().signal()), mapping, sample, now));
        }
        for (Signal signal : bus.signals()) {
            if (!mapped.contains(signal.name())) {
                rows.add(row(signal, null, sample, now));
            }
        }
        rows.sort(java.util.Comparator.comparing(SignalStatus::name).thenComparing(SignalStatus::target));
        return rows;
    }

    private static SignalStatus row(Signal signal, Mapping mapping, SignalSample sample, long now) {
        boolean received = signal.read(sample);
        double age = received ? (now - sample.receivedNanos()) / 1e9 : -1;
        boolean stale = mapping != null ? mapping.stale() : !received || age > SILENT_SECONDS;
        return new SignalStatus(signal.name(), source(signal.name()), received ? sample.value(0) : Double.NaN,
                mapping == null ? "" : mapping.spec().target(), mapping == null ? Double.NaN : mapping.mapped(), age, stale);
    }

    /**
     * Where a signal comes from, by its name's shape: {@code vision/...}, {@code audio/...} (an audio input),
     * {@code midi/...} (a controller), {@code node/sensor}, or a bare OSC name.
     */
    public static String source(String signal) {
        for (String inside : INSIDE_SOURCES) {
            if (signal.startsWith(inside + "/")) {
                return inside;
            }
        }
        return signal.contains("/") ? "sensor" : "osc";
    }
}
