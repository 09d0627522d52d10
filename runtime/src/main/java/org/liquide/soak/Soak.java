package org.liquide.soak;

import org.liquide.log.LogTail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code liquide soak}: sets the rig up, runs, judges, reports. */
public final class Soak {
    private static final Logger LOG = LoggerFactory.getLogger(Soak.class);

    private Soak() {
    }

    /** The verdict and where the report is. */
    public record Outcome(boolean passed, List<String> failures, Path report) {
    }

    /** The start left out of the verdicts: the given warm-up, and at least one turn of the playlist (first loads). */
    static double warmUp(SoakOptions options, int scenes) {
        return Math.max(options.warmUpSeconds(), scenes * options.sceneEvery());
    }

    /**
     * Runs and judges. Refuses (IllegalArgumentException) a run too short to judge memory: a minute at
     * least after the warm-up.
     */
    public static Outcome run(SoakOptions options, PrintWriter out) throws IOException {
        int scenes = org.liquide.showcase.ShowcaseFiles.knownScenes(options.scenes()).size();
        double warmUp = warmUp(options, scenes);
        if (options.minutes() * 60 < warmUp + 60) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%.1f minutes is too short: memory is judged after one turn"
                    + " of the playlist (%d scenes x %.0f s) and needs a minute more; use --minutes %.0f or a shorter --scene-every",
                    options.minutes(), scenes, options.sceneEvery(), Math.ceil((warmUp + 60) / 60)));
        }
        LogTail log = LogTail.install(2000);
        out.printf(Locale.ROOT, "soak: %.1f minutes, a fault every %.0f s, each scene %.0f s; report in %s%n", options.minutes(),
                options.faultEvery(), options.sceneEvery(), options.reportFolder());
        out.flush();
        SoakRun.Result result;
        String machine;
        try (SoakRig rig = SoakRig.start(options)) {
            LOG.info("soak: playing {} on {}", rig.playlist, rig.show.status().machine());
            machine = machine();
            result = new SoakRun(options, rig).run(log);
        }
        SoakVerdict verdict = SoakVerdict.of(result, warmUp);
        Path report = SoakReport.write(options.reportFolder(), options, warmUp, result, verdict, machine);
        return new Outcome(verdict.passed(), verdict.failures(), report);
    }

    /**
     * The fast mode: {@code changes} scene changes through the control API, as fast as the show takes them,
     * every scene of {@code scenes} in turn; judged on memory after the changes. Refuses (IllegalArgumentException)
     * fewer than {@value SceneChangeVerdict#MIN_CHANGES} changes.
     */
    public static Outcome runSceneChanges(int changes, Path scenes, Path nodes, Path reportFolder, PrintWriter out) throws IOException {
        if (changes < SceneChangeVerdict.MIN_CHANGES) {
            throw new IllegalArgumentException(changes + " scene changes are too few to judge memory; use "
                    + SceneChangeVerdict.MIN_CHANGES + " or more");
        }
        out.printf(Locale.ROOT, "soak: %d scene changes as fast as the show takes them; report in %s%n", changes, reportFolder);
        out.flush();
        SceneChangeRun.Result result;
        List<String> playlist;
        String machine = machine();
        // The playlist stays on each scene far longer than the run: only the control API changes scenes.
        try (SoakRig rig = SoakRig.start(scenes, nodes, 1e7)) {
            playlist = rig.playlist;
            LOG.info("soak: {} scene changes among {}", changes, playlist);
            int every = Math.max(1, changes / 20);
            int[] made = {0};
            result = new SceneChangeRun(rig.show, playlist, rig.tokenFile()).run(changes, () -> {
                if (++made[0] % every == 0) {
                    out.printf(Locale.ROOT, "soak: %d of %d scene changes%n", made[0], changes);
                    out.flush();
                }
            });
        }
        SceneChangeVerdict verdict = SceneChangeVerdict.of(result, changes, playlist.size());
        Path report = SceneChangeReport.write(reportFolder, changes, playlist, result, verdict, machine);
        return new Outcome(verdict.passed(), verdict.failures(), report);
    }

    /** The machine, as the report names it: processor count, memory, Java, operating system. */
    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%d cores, %.0f GiB for the JVM, Java %s, %s %s", runtime.availableProcessors(),
                runtime.maxMemory() / (1024.0 * 1024 * 1024), Runtime.version(), System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }
}
