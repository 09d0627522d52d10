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

    private SoakReport() {
    }

    static Path write(Path folder, SoakOptions options, double warmUp, SoakRun.Result result, SoakVerdict verdict, String machine) throws IOException {
        Files.createDirectories(folder);
        StringBuilder csv = new StringBuilder("seconds,heap_used_mib,live_heap_mib,rss_mib,native_mib,frames,fps,max_frame_ms,warnings,scene\n");
        for (SoakSample s : result.samples()) {
            csv.append(String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f,%.1f,%d,%.1f,%.1f,%d,%s%n", s.seconds(), s.heapUsedMiB(),
                    s.liveHeapMiB(), s.rssMiB(), s.nativeMiB(), s.framesRendered(), s.framesPerSecond(), s.maxFrameMillis(), s.warnings(), s.scene()));
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
            md.append(row("native memory (outside the heap), first third → last third", thirds(steady, SoakSample::nativeMiB)));
            md.append(row("warnings and errors logged", String.valueOf(samples.stream().mapToInt(SoakSample::warnings).sum())));
            md.append(row("hot reloads of scene files", result.edits() + " (" + result.editErrors().size() + " refused)"));
            md.append(row("sound output after warm-up", result.sound().map(SoundMeasure::summary).orElse("none")));
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

    /** Two panels over time: memory (live heap, heap in use, resident, native) and the longest frame of each second. */
    static String chart(SoakRun.Result result) {
        List<SoakSample> samples = result.samples();
        double duration = samples.isEmpty() ? 1 : Math.max(1, samples.getLast().seconds());
        double memoryTop = Math.max(64, samples.stream().mapToDouble(s -> Math.max(s.rssMiB(), s.heapUsedMiB())).max().orElse(64) * 1.1);
        double frameTop = Math.max(SoakVerdict.STALL_MILLIS * 1.2, samples.stream().mapToDouble(SoakSample::maxFrameMillis).max().orElse(0) * 1.1);
        SvgChart chart = new SvgChart(2, duration);
        int memoryY = SvgChart.top(0);
        int frameY = SvgChart.top(1);
        String end = String.format(Locale.ROOT, "%.0f s", duration);
        chart.axes(memoryY, "MiB", memoryTop, end);
        chart.axes(frameY, "longest frame (ms)", frameTop, end);
        double[] seconds = values(samples, SoakSample::seconds);
        chart.line(memoryY, memoryTop, seconds, values(samples, SoakSample::rssMiB), "#c0392b", "resident", 0);
        chart.line(memoryY, memoryTop, seconds, values(samples, SoakSample::nativeMiB), "#8e44ad", "native", 1);
        chart.line(memoryY, memoryTop, seconds, values(samples, SoakSample::heapUsedMiB), "#95a5a6", "heap in use", 2);
        chart.line(memoryY, memoryTop, seconds, values(samples, SoakSample::liveHeapMiB), "#2c3e50", "live heap", 3);
        chart.line(frameY, frameTop, seconds, values(samples, SoakSample::maxFrameMillis), "#2980b9", "longest frame", 0);
        chart.horizontal(frameY, frameTop, SoakVerdict.STALL_MILLIS, "#e74c3c");
        for (FaultOutcome f : result.faults()) {
            chart.vertical(f.atSeconds(), memoryY, frameY + SvgChart.PANEL, f.recovered() ? "#27ae60" : "#e74c3c", f.kind().label());
        }
        return chart.finish();
    }

    static <T> double[] values(List<T> samples, ToDoubleFunction<T> value) {
        return samples.stream().mapToDouble(value).toArray();
    }
}
