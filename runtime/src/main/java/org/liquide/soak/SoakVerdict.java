package org.liquide.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the show held: no frame over a second after the warm-up, no memory that keeps growing (live heap,
 * resident and native memory, last third of the run against the first third after the warm-up),
 * every fault noticed and recovered from, no hot reload refused, no render failure, and a sound output that
 * never ran dry and allocated nothing per block.
 */
record SoakVerdict(List<String> failures) {
    static final double STALL_MILLIS = 1000;
    /** Growth allowed between the thirds: this much, or this share of the first third, whichever is larger. */
    static final double GROWTH_MIB = 64;
    static final double GROWTH_SHARE = 0.25;

    boolean passed() {
        return failures.isEmpty();
    }

    static SoakVerdict of(SoakRun.Result result, double warmUpSeconds) {
        List<String> failures = new ArrayList<>();
        if (result.renderFailure() != null) {
            failures.add("rendering failed: " + result.renderFailure());
        }
        List<SoakSample> steady = result.samples().stream().filter(s -> s.seconds() > warmUpSeconds).toList();
        steady.stream().filter(s -> s.maxFrameMillis() > STALL_MILLIS).findFirst().ifPresent(s -> failures.add(String.format(Locale.ROOT,
                "a frame took %.0f ms at %.0f s (scene %s); the limit is %.0f ms", s.maxFrameMillis(), s.seconds(), s.scene(), STALL_MILLIS)));
        if (steady.size() >= 6) {
            growth(steady, "live heap", SoakSample::liveHeapMiB).ifPresent(failures::add);
            growth(steady, "resident memory", SoakSample::rssMiB).ifPresent(failures::add);
            growth(steady, "native memory", SoakSample::nativeMiB).ifPresent(failures::add);
        } else {
            failures.add("too short to judge memory: " + steady.size() + " s after the warm-up");
        }
        for (FaultOutcome fault : result.faults()) {
            if (!fault.seen()) {
                failures.add(String.format(Locale.ROOT, "%s fault at %.0f s not noticed: %s", fault.kind().label(), fault.atSeconds(), fault.detail()));
            } else if (!fault.recovered()) {
                failures.add(String.format(Locale.ROOT, "%s fault at %.0f s: no recovery", fault.kind().label(), fault.atSeconds()));
            }
        }
        result.editErrors().forEach(error -> failures.add("a valid scene edit was refused: " + error));
        result.sound().flatMap(SoundMeasure::failure).ifPresent(failures::add);
        return new SoakVerdict(List.copyOf(failures));
    }

    private static java.util.Optional<String> growth(List<SoakSample> steady, String what, java.util.function.ToDoubleFunction<SoakSample> value) {
        int third = steady.size() / 3;
        double first = median(steady.subList(0, third), value);
        double last = median(steady.subList(steady.size() - third, steady.size()), value);
        double allowed = Math.max(GROWTH_MIB, first * GROWTH_SHARE);
        if (last - first > allowed) {
            return java.util.Optional.of(String.format(Locale.ROOT, "%s keeps growing: %.0f MiB in the first third after the warm-up,"
                    + " %.0f MiB in the last (more than %.0f MiB allowed)", what, first, last, allowed));
        }
        return java.util.Optional.empty();
    }

    static double median(List<SoakSample> samples, java.util.function.ToDoubleFunction<SoakSample> value) {
        double[] sorted = samples.stream().mapToDouble(value).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
