package org.liquide.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Writes what the endurance run measured: every second as CSV, the faults as CSV, a chart (SVG: memory and
 * the longest frame of each second, the faults marked) and a Markdown summary with the verdict.
 */
final class SoakReport {
    private static final int WIDTH = 900;
    private static final int PANEL = 220;
    private static final int MARGIN = 50;

    private SoakReport() {
    }

    static Path write(Path folder, SoakOptions options, double warmUp, SoakRun.Result result, SoakVerdict verdict, String machine) throws IOException {
        Files.createDirectories(folder);
        StringBuilder csv = new StringBuilder("seconds,heap_used_mib,live_heap_mib,rss_mib,frames,fps,max_frame_ms,warnings,scene\n");
        for (SoakSample s : result.samples()) {
            csv.append(String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f,%d,%.1f,%.1f,%d,%s%n", s.seconds(), s.heapUsedMiB(),
                    s.liveHeapMiB(), s.rssMiB(), s.framesRendered(), s.framesPerSecond(), s.maxFrameMillis(), s.warnings(), s.scene()));
        }
        Files.writeString(folder.resolve("samples.csv"), csv);
        StringBuilder faults = new StringBuilder("at_seconds,fault,noticed,recovered,recovery_seconds,detail\n");
        for (FaultOutcome f : result.faults()) {
            faults.append(String.format(Locale.ROOT, "%.1f,%s,%s,%s,%.1f,\"%s\"%n", f.atSeconds(), f.kind().label(), f.seen(), f.recovered(),
                    f.recoverySeconds(), f.detail().replace("\"", "'")));
        }
        Files.writeString(folder.resolve("faults.csv"), faults);
        Files.writeString(folder.resolve("soak.svg"), chart(result));
        Path report = folder.resolve("report.md");
        Files.writeString(report, markdown(options, warmUp, result, verdict, machine));
        return report;
    }

    static String markdown(SoakOptions options, double warmUp, SoakRun.Result result, SoakVerdict verdict, String machine) {
        List<SoakSample> samples = result.samples();
        List<SoakSample> steady = samples.stream().filter(s -> s.seconds() > warmUp).toList();
        StringBuilder md = new StringBuilder();
        md.append("# Endurance run\n\n");
        md.append(String.format(Locale.ROOT, "%.0f minutes on %s: every scene in turn (%.0f s each, a hot reload of its file halfway),"
                        + " a fault every %.0f s; the verdicts leave out the first %.0f s (one turn of the playlist: first loads).%n%n",
                options.minutes(), machine, options.sceneEvery(), options.faultEvery(), warmUp));
        md.append("**Verdict: ").append(verdict.passed() ? "held" : "failed").append("**\n\n");
        verdict.failures().forEach(f -> md.append("- ").append(f).append('\n'));
        if (!verdict.failures().isEmpty()) {
            md.append('\n');
        }
        md.append("| Figure | Value |\n| --- | --- |\n");
        if (!samples.isEmpty()) {
            SoakSample last = samples.getLast();
            md.append(row("frames rendered", String.valueOf(last.framesRendered())));
            md.append(row("frames/s, median of seconds after warm-up", fmt(SoakVerdict.median(steady, SoakSample::framesPerSecond))));
            md.append(row("longest frame after warm-up", fmt(steady.stream().mapToDouble(SoakSample::maxFrameMillis).max().orElse(0)) + " ms"));
            md.append(row("live heap (after a full collection), first third → last third", thirds(steady, SoakSample::liveHeapMiB)));
            md.append(row("resident memory, first third → last third", thirds(steady, SoakSample::rssMiB)));
            md.append(row("warnings and errors logged", String.valueOf(samples.stream().mapToInt(SoakSample::warnings).sum())));
            md.append(row("hot reloads of scene files", result.edits() + " (" + result.editErrors().size() + " refused)"));
        }
        md.append("\n| At | Fault | Noticed | Recovered in | What happened |\n| --- | --- | --- | --- | --- |\n");
        for (FaultOutcome f : result.faults()) {
            md.append(String.format(Locale.ROOT, "| %.0f s | %s | %s | %s | %s |%n", f.atSeconds(), f.kind().label(), f.seen() ? "yes" : "no",
                    f.recovered() ? fmt(f.recoverySeconds()) + " s" : "no recovery", f.detail()));
        }
        md.append("\n![memory and frame times](soak.svg)\n");
        return md.toString();
    }

    private static String row(String name, String value) {
        return "| " + name + " | " + value + " |\n";
    }

    private static String thirds(List<SoakSample> steady, ToDoubleFunction<SoakSample> value) {
        int third = steady.size() / 3;
        if (third == 0) {
            return "-";
        }
        return fmt(SoakVerdict.median(steady.subList(0, third), value)) + " MiB → "
                + fmt(SoakVerdict.median(steady.subList(steady.size() - third, steady.size()), value)) + " MiB";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Two panels over time: memory (live heap, heap in use, resident) and the longest frame of each second. */
    static String chart(SoakRun.Result result) {
        List<SoakSample> samples = result.samples();
        double duration = samples.isEmpty() ? 1 : Math.max(1, samples.getLast().seconds());
        double memoryTop = Math.max(64, samples.stream().mapToDouble(s -> Math.max(s.rssMiB(), s.heapUsedMiB())).max().orElse(64) * 1.1);
        double frameTop = Math.max(SoakVerdict.STALL_MILLIS * 1.2, samples.stream().mapToDouble(SoakSample::maxFrameMillis).max().orElse(0) * 1.1);
        int height = 2 * PANEL + 3 * MARGIN;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        int memoryY = MARGIN;
        int frameY = 2 * MARGIN + PANEL;
        axes(svg, memoryY, "MiB", memoryTop, duration);
        axes(svg, frameY, "longest frame (ms)", frameTop, duration);
        line(svg, samples, SoakSample::rssMiB, memoryY, memoryTop, duration, "#c0392b", "resident", 0);
        line(svg, samples, SoakSample::heapUsedMiB, memoryY, memoryTop, duration, "#95a5a6", "heap in use", 1);
        line(svg, samples, SoakSample::liveHeapMiB, memoryY, memoryTop, duration, "#2c3e50", "live heap", 2);
        line(svg, samples, SoakSample::maxFrameMillis, frameY, frameTop, duration, "#2980b9", "longest frame", 0);
        double limitY = frameY + PANEL - SoakVerdict.STALL_MILLIS / frameTop * PANEL;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e74c3c\" stroke-dasharray=\"4 3\"/>%n",
                MARGIN, limitY, WIDTH - MARGIN, limitY));
        for (FaultOutcome f : result.faults()) {
            double x = MARGIN + f.atSeconds() / duration * (WIDTH - 2 * MARGIN);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-opacity=\"0.5\"/>%n",
                    x, memoryY, x, frameY + PANEL, f.recovered() ? "#27ae60" : "#e74c3c"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#27ae60\" transform=\"rotate(-90 %.1f %d)\">%s</text>%n",
                    x + 3, frameY + PANEL - 4, x + 3, frameY + PANEL - 4, f.kind().label()));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void axes(StringBuilder svg, int top, String label, double max, double duration) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#bbb\"/>%n",
                MARGIN, top, WIDTH - 2 * MARGIN, PANEL));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s (top %.0f)</text>%n", MARGIN, top - 6, label, max));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.0f s</text>%n", WIDTH - MARGIN, top + PANEL + 14, duration));
    }

    private static void line(StringBuilder svg, List<SoakSample> samples, ToDoubleFunction<SoakSample> value, int top, double max,
                             double duration, String colour, String name, int legendRow) {
        StringBuilder points = new StringBuilder();
        for (SoakSample s : samples) {
            double x = MARGIN + s.seconds() / duration * (WIDTH - 2 * MARGIN);
            double y = top + PANEL - Math.min(value.applyAsDouble(s), max) / max * PANEL;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"><title>%s</title></polyline>%n",
                colour, points.toString().trim(), name));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", WIDTH - MARGIN - 150, top + 14 + 13 * legendRow, colour, name));
    }
}
