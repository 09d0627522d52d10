package org.liquide.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes the fast mode's figures: every change as CSV, a chart of memory against scene changes, a summary. */
final class SceneChangeReport {
    private SceneChangeReport() {
    }

    static Path write(Path folder, int changes, List<String> scenes, SceneChangeRun.Result result, SceneChangeVerdict verdict,
                      String machine) throws IOException {
        Files.createDirectories(folder);
        StringBuilder csv = new StringBuilder("change,seconds,scene,resident_mib,native_mib,live_heap_mib\n");
        for (SceneChangeRun.Sample s : result.samples()) {
            csv.append(String.format(Locale.ROOT, "%d,%.1f,%s,%.1f,%.1f,%.1f%n", s.change(), s.seconds(), s.scene(), s.residentMiB(),
                    s.nativeMiB(), s.liveHeapMiB()));
        }
        Files.writeString(folder.resolve("scene-changes.csv"), csv);
        Files.writeString(folder.resolve("scene-changes.svg"), chart(result.samples(), verdict));
        Path report = folder.resolve("report.md");
        Files.writeString(report, markdown(changes, scenes, result, verdict, machine));
        return report;
    }

    static String markdown(int changes, List<String> scenes, SceneChangeRun.Result result, SceneChangeVerdict verdict, String machine) {
        List<SceneChangeRun.Sample> samples = result.samples();
        StringBuilder md = new StringBuilder("# Endurance run: scene changes\n\n");
        md.append(String.format(Locale.ROOT, "%d scene changes through the control API on %s, as fast as the show takes them, every"
                + " scene in turn (%s).%n%n", changes, machine, String.join(", ", scenes)));
        md.append("**Verdict: ").append(verdict.passed() ? "held" : "failed").append("**\n\n");
        verdict.failures().forEach(f -> md.append("- ").append(f).append('\n'));
        if (!verdict.failures().isEmpty()) {
            md.append('\n');
        }
        md.append("| Figure | Value |\n| --- | --- |\n");
        md.append(row("scene changes made", String.valueOf(samples.size())));
        if (!samples.isEmpty()) {
            md.append(row("time taken", String.format(Locale.ROOT, "%.0f s (%.2f s a change)", samples.getLast().seconds(),
                    samples.getLast().seconds() / samples.size())));
        }
        md.append(row("native memory after change " + verdict.nativeMemory().referenceChange() + " → at the end",
                figures(verdict.nativeMemory())));
        md.append(row("live heap after change " + verdict.liveHeap().referenceChange() + " → at the end", figures(verdict.liveHeap())));
        md.append("\n![memory against scene changes](scene-changes.svg)\n");
        return md.toString();
    }

    private static String figures(SceneChangeVerdict.Figures f) {
        return String.format(Locale.ROOT, "%.0f MiB → %.0f MiB (at most %.0f MiB more allowed)", f.reference(), f.end(), f.allowed());
    }

    private static String row(String name, String value) {
        return "| " + name + " | " + value + " |\n";
    }

    /** One panel: resident, native memory and the live heap against the number of scene changes. */
    static String chart(List<SceneChangeRun.Sample> samples, SceneChangeVerdict verdict) {
        double last = samples.isEmpty() ? 1 : samples.getLast().change();
        double top = Math.max(64, samples.stream().mapToDouble(SceneChangeRun.Sample::residentMiB).max().orElse(64) * 1.1);
        SvgChart chart = new SvgChart(1, last);
        int y = SvgChart.top(0);
        chart.axes(y, "MiB", top, String.format(Locale.ROOT, "%.0f scene changes", last));
        double[] changes = SoakReport.values(samples, SceneChangeRun.Sample::change);
        chart.line(y, top, changes, SoakReport.values(samples, SceneChangeRun.Sample::residentMiB), "#c0392b", "resident", 0);
        chart.line(y, top, changes, SoakReport.values(samples, SceneChangeRun.Sample::nativeMiB), "#8e44ad", "native", 1);
        chart.line(y, top, changes, SoakReport.values(samples, SceneChangeRun.Sample::liveHeapMiB), "#2c3e50", "live heap", 2);
        chart.vertical(verdict.nativeMemory().referenceChange(), y, y + SvgChart.PANEL, "#7f8c8d", "reference");
        return chart.finish();
    }
}
