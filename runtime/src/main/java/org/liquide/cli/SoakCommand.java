package org.liquide.cli;

import org.liquide.config.BadInputException;
import org.liquide.soak.Soak;
import org.liquide.soak.SoakOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Endurance run: the show for N minutes with faults injected, then a verdict.",
                "Headless, every scene in turn with the built-in generator, a looping video as a network camera,",
                "simulated visitors through a real Mosquitto, hot reloads, and faults on a schedule (camera cut,",
                "broker killed, models failing, a shader that does not compile). Writes samples, faults, a chart",
                "and a report; exit 1 when memory keeps growing, a frame stalls over a second or the show does not",
                "recover from a fault.",
                "With --scene-changes N instead of --minutes: N scene changes through the control API as fast as the",
                "show takes them, every scene in turn; exit 1 when native memory or the live heap grows with them."})
final class SoakCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--minutes", paramLabel = "N", description = "How long the run lasts.")
    Double minutes;

    @Option(names = "--scene-changes", paramLabel = "N",
            description = "The fast mode: this many scene changes through the control API, as fast as the show takes them.")
    Integer sceneChanges;

    @Option(names = "--fault-every", paramLabel = "SECONDS", defaultValue = "60",
            description = "Seconds between faults, which take turns (default: ${DEFAULT-VALUE}).")
    double faultEvery;

    @Option(names = "--scene-every", paramLabel = "SECONDS", defaultValue = "60",
            description = "Seconds each scene stays on (default: ${DEFAULT-VALUE}).")
    double sceneEvery;

    @Option(names = "--warm-up", paramLabel = "SECONDS", defaultValue = "30",
            description = "Start left out of the memory and stall verdicts (default: ${DEFAULT-VALUE}).")
    double warmUp;

    @Option(names = "--scenes", paramLabel = "FOLDER", defaultValue = "scenes",
            description = "The scenes to play, copied first (default: ${DEFAULT-VALUE}).")
    Path scenes;

    @Option(names = "--nodes", paramLabel = "FOLDER", defaultValue = "showcase-config/nodes",
            description = "Sensor node files whose simulated visitors publish (default: ${DEFAULT-VALUE}).")
    Path nodes;

    @Option(names = "--report", paramLabel = "FOLDER",
            description = "Where the report goes (default: soak/<date-time>).")
    Path report;

    @Override
    public Integer call() throws Exception {
        for (Path folder : new Path[]{scenes, nodes}) {
            if (!Files.isDirectory(folder)) {
                throw new BadInputException(folder + ": no such folder (run from the checkout, or name it)");
            }
        }
        if (report == null) {
            report = Path.of("soak", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss")));
        }
        if ((minutes == null) == (sceneChanges == null)) {
            throw new BadInputException("liquide soak: give either --minutes N or --scene-changes N");
        }
        if (sceneChanges != null) {
            return report(() -> Soak.runSceneChanges(sceneChanges, scenes, nodes, report, spec.commandLine().getOut()));
        }
        SoakOptions options;
        try {
            options = new SoakOptions(minutes, faultEvery, sceneEvery, warmUp, scenes, nodes, report);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("liquide soak: " + e.getMessage(), e);
        }
        return report(() -> Soak.run(options, spec.commandLine().getOut()));
    }

    private interface Run {
        Soak.Outcome run() throws Exception;
    }

    private int report(Run run) throws Exception {
        Soak.Outcome outcome;
        try {
            outcome = run.run();
        } catch (IllegalArgumentException e) {
            throw new BadInputException("liquide soak: " + e.getMessage(), e);
        }
        spec.commandLine().getOut().println("report: " + outcome.report().toAbsolutePath());
        spec.commandLine().getOut().println(outcome.passed() ? "the show held" : "the show did not hold:");
        outcome.failures().forEach(failure -> spec.commandLine().getOut().println("  " + failure));
        return outcome.passed() ? ExitCodes.OK : ExitCodes.INTERNAL_FAILURE;
    }
}
