package org.liquide.cli;

import org.liquide.app.ShowLauncher;
import org.liquide.config.BadInputException;
import org.liquide.render.gl.FrameReadback;
import org.liquide.render.OutputSettings;
import org.liquide.show.RunOptions;
import org.liquide.show.ShowRuntime;
import org.liquide.render.output.DisplaySetup;
import org.liquide.showcase.ShowcaseConfig;
import org.liquide.showcase.ShowcaseValidation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a showcase: its displays, cameras, sensors, scenes, schedule and control panel.",
                "An invalid configuration is refused with every error as file:line:col, exit 2."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CONFIG", description = "the showcase file, e.g. showcase-config/showcase.yaml")
    Path config;

    @Option(names = "--headless", description = "Draw offscreen even when a display exists.")
    boolean headless;

    @Option(names = "--frames", paramLabel = "N", description = "Stop after N frames of the show, counted from its first scene on stage (default: run until stopped).")
    long frames;

    @Option(names = "--snapshot", paramLabel = "FILE.png",
            description = "With --frames N: after N frames, write a snapshot as PNG, as the journal takes it (without the live camera unless the showcase allows it).")
    Path snapshot;

    @Option(names = "--rehearsal", description = "Simulated sensors are played from the control panel's sliders.")
    boolean rehearsal;

    @Option(names = "--no-panel", description = "Do not start the control panel.")
    boolean noPanel;

    @Option(names = "--scene", paramLabel = "NAME", description = "Start with this scene instead of the playlist's first.")
    String scene;

    @Option(names = "--ignore-schedule", description = "Stay open whatever the opening hours say (rehearsals).")
    boolean ignoreSchedule;

    /**
     * Waits for the frames asked for, then takes the snapshot as the journal does (the visitors left out
     * unless the showcase allows camera images on disk) and stops the show. The journal's file.
     */
    private Path snapshotAfterFrames(ShowRuntime runtime) throws Exception {
        while (runtime.loop().framesRendered() < frames && runtime.loop().failure() == null && runtime.loop().thread().isAlive()) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
        try {
            return runtime.loop().failure() == null ? runtime.control().snapshot().get(30, TimeUnit.SECONDS) : null;
        } finally {
            runtime.loop().stop();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(config)) {
            throw new BadInputException(config + ": no such file");
        }
        if (frames < 0) {
            throw new BadInputException("--frames must be 0 or more, got " + frames);
        }
        ShowcaseValidation validation = ShowcaseValidation.of(config);
        if (!validation.valid()) {
            validation.errors().forEach(error -> spec.commandLine().getErr().println(error));
            spec.commandLine().getErr().println(config + ": not started: " + validation.errors().size() + " errors");
            spec.commandLine().getErr().flush();
            return ExitCodes.BAD_INPUT;
        }
        if (snapshot != null && frames <= 0) {
            throw new BadInputException("--snapshot needs --frames N: the snapshot is taken after N frames");
        }
        ShowcaseConfig showcase = ShowRuntime.load(config);
        OutputSettings output = OutputSettings.defaults()
                .withSize(showcase.output().width(), showcase.output().height())
                .withOffscreenFps(showcase.output().framesPerSecond())
                .withHeadless(headless)
                .withMaxFrames(snapshot != null ? 0 : frames);
        if (!showcase.displays().isEmpty()) {
            DisplaySetup first = showcase.displays().getFirst();
            output = output.withWindow(first.fullscreen(), first.monitor());
        }
        if (scene != null && !org.liquide.showcase.ShowcaseFiles.knownScenes(showcase.scenesFolder()).contains(scene)) {
            throw new BadInputException("--scene " + scene + ": no such scene in " + showcase.scenesFolder() + " (scenes: "
                    + String.join(", ", org.liquide.showcase.ShowcaseFiles.knownScenes(showcase.scenesFolder())) + ")");
        }
        ShowRuntime runtime = ShowLauncher.start(showcase, new RunOptions(output, rehearsal, !noPanel,
                java.util.Optional.ofNullable(scene), ignoreSchedule));
        StopOnSignal stop = StopOnSignal.install(runtime);
        Path written = snapshot != null ? snapshotAfterFrames(runtime) : null;
        runtime.loop().awaitFinished(Long.MAX_VALUE, TimeUnit.DAYS);
        if (!stop.finish()) {
            return ExitCodes.OK; // stopped by a signal: the JVM exits with its status (143 for SIGTERM)
        }
        if (runtime.loop().failure() != null) {
            spec.commandLine().getErr().println("liquide run: rendering failed: " + runtime.loop().failure().getMessage());
            return ExitCodes.INTERNAL_FAILURE;
        }
        if (written != null) {
            BufferedImage image = javax.imageio.ImageIO.read(written.toFile());
            FrameReadback.writePng(image, snapshot);
            spec.commandLine().getOut().println("snapshot: " + snapshot.toAbsolutePath() + " (" + image.getWidth() + "x" + image.getHeight()
                    + (showcase.recording().includeCamera() ? "" : ", without the live camera, as the showcase's recording policy says") + ")");
        }
        return runtime.restartRequested() ? ShowRuntime.RESTART_EXIT_CODE : ExitCodes.OK;
    }
}
