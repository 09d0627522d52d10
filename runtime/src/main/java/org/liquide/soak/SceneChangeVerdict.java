package org.liquide.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Whether memory stayed flat across the fast mode's scene changes: native memory and the live heap after
 * the last changes, against after the tenth of the run (the first loads behind it), may differ by
 * {@value #GROWTH_MIB} MiB or {@value #GROWTH_SHARE} of the reference, whichever is larger. Each figure is
 * the median of a window of two turns of every scene, so the scene on stage does not decide the verdict.
 */
record SceneChangeVerdict(List<String> failures, Figures nativeMemory, Figures liveHeap) {
    static final double GROWTH_MIB = 100;
    static final double GROWTH_SHARE = 0.10;
    static final int MIN_CHANGES = 40;

    /** A memory figure at the reference change and at the end, in MiB. */
    record Figures(int referenceChange, double reference, double end) {
        double allowed() {
            return Math.max(GROWTH_MIB, reference * GROWTH_SHARE);
        }

        boolean grew() {
            return end - reference > allowed();
        }
    }

    boolean passed() {
        return failures.isEmpty();
    }

    /** The change after which memory is the reference: a tenth of the run, and at least two turns of every scene. */
    static int referenceChange(int changes, int scenes) {
        return Math.min(changes, Math.max((changes + 9) / 10, 2 * scenes));
    }

    static SceneChangeVerdict of(SceneChangeRun.Result result, int changes, int scenes) {
        List<String> failures = new ArrayList<>();
        if (result.renderFailure() != null) {
            failures.add("rendering failed: " + result.renderFailure());
        }
        failures.addAll(result.failures());
        List<SceneChangeRun.Sample> samples = result.samples();
        int window = Math.max(1, 2 * scenes);
        int reference = referenceChange(changes, scenes);
        Figures nativeMemory = figures(samples, reference, window, SceneChangeRun.Sample::nativeMiB);
        Figures liveHeap = figures(samples, reference, window, SceneChangeRun.Sample::liveHeapMiB);
        if (samples.size() < changes) {
            failures.add("only " + samples.size() + " of " + changes + " scene changes were made");
        }
        check("native memory", nativeMemory, samples.size()).ifPresent(failures::add);
        check("live heap", liveHeap, samples.size()).ifPresent(failures::add);
        return new SceneChangeVerdict(List.copyOf(failures), nativeMemory, liveHeap);
    }

    private static java.util.Optional<String> check(String what, Figures figures, int made) {
        if (!figures.grew()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(Locale.ROOT, "%s grows with scene changes: %.0f MiB after change %d, %.0f MiB after"
                + " change %d (more than %.0f MiB allowed)", what, figures.reference(), figures.referenceChange(), figures.end(), made,
                figures.allowed()));
    }

    private static Figures figures(List<SceneChangeRun.Sample> samples, int reference, int window,
                                   ToDoubleFunction<SceneChangeRun.Sample> value) {
        if (samples.isEmpty()) {
            return new Figures(reference, Double.NaN, Double.NaN);
        }
        int referenceEnd = Math.min(reference, samples.size());
        return new Figures(reference, median(samples.subList(Math.max(0, referenceEnd - window), referenceEnd), value),
                median(samples.subList(Math.max(0, samples.size() - window), samples.size()), value));
    }

    private static double median(List<SceneChangeRun.Sample> samples, ToDoubleFunction<SceneChangeRun.Sample> value) {
        double[] sorted = samples.stream().mapToDouble(value).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
