package org.liquide.cli;

import org.liquide.config.BadInputException;
import org.liquide.camera.CameraOpenException;
import org.liquide.render.gl.FrameReadback;
import org.liquide.hardware.broker.BrokerAddress;
import org.liquide.hardware.wire.Names;
import org.liquide.render.OutputSettings;
import org.liquide.render.RenderLoop;
import org.liquide.generate.factory.GeneratorFactory;
import org.liquide.generate.ImageGenerator;
import org.liquide.generate.engine.ModelLoadException;
import org.liquide.generate.ModelSpec;
import org.liquide.scene.ScenePreparer;
import org.liquide.app.DemoShow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the embedded default show: visitors dissolving into a slow generated tide.",
                "The camera (or, without one, synthetic visitors that follow the simulated sensor node's script)",
                "poured into the built-in generator, in a window when there is a display, offscreen otherwise.",
                "Its sound plays on the default output, and the default input's level brightens the picture."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--headless", description = "Draw offscreen even when a display exists.")
    boolean headless;

    @Option(names = "--frames", paramLabel = "N", description = "Stop after N frames of the show, counted from its first scene on stage (default: run until closed).")
    long frames;

    @Option(names = "--snapshot", paramLabel = "FILE.png|FILE.jpg", description = "Write the last composited frame as PNG (or JPEG for .jpg).")
    Path snapshot;

    @Option(names = "--camera", paramLabel = "DEVICE|FILE|URL|visitors|test",
            description = {"Camera to use: /dev/videoN, a video file (looped), a stream URL, visitors (synthetic figures),",
                    "or test (the test card) (default: /dev/video0 if present, else visitors)."})
    String camera;

    @Option(names = "--size", paramLabel = "WxH", converter = ImageSize.Converter.class,
            description = "Output size (default: ${DEFAULT-VALUE}).", defaultValue = "1280x720")
    ImageSize size;

    @Option(names = "--fps", paramLabel = "RATE", defaultValue = "60",
            description = "Frame rate held offscreen; 0 runs as fast as possible (default: ${DEFAULT-VALUE}). Windows follow vsync.")
    double fps;

    @Option(names = "--model", paramLabel = "PATH|builtin|procedural", defaultValue = "procedural",
            description = {"The generator: procedural (drawn on the GPU, no weights), builtin (the CPPN, on the CPU), an ONNX",
                    "image-to-image model or a diffusers ONNX folder (default: ${DEFAULT-VALUE})."})
    String model;

    @Option(names = "--broker", paramLabel = "URL",
            description = {"Listen to sensor nodes through this MQTT broker (e.g. tcp://127.0.0.1:1883) instead of",
                    "simulating one in-process: real Pis, or `liquide node FILE --simulate` in another terminal."})
    String broker;

    @Option(names = "--node", paramLabel = "NAME", defaultValue = DemoShow.Options.SIMULATED_NODE,
            description = "With --broker, the node whose distance and touch readings steer the demo (default: ${DEFAULT-VALUE}).")
    String node;

    @Option(names = "--no-sound", description = {"Neither play the demo's sound nor listen to the default input",
            "(without a sound device the demo says so once and runs silent anyway)."})
    boolean noSound;

    @Option(names = "--fullscreen", description = "Open the window fullscreen.")
    boolean fullscreen;

    @Option(names = "--monitor", paramLabel = "INDEX|NAME", defaultValue = "",
            description = "Monitor for --fullscreen, by index or part of its name (default: the primary one).")
    String monitor;

    @Override
    public Integer call() throws Exception {
        if (frames < 0) {
            throw new BadInputException("--frames must be 0 or more, got " + frames);
        }
        if (fps < 0) {
            throw new BadInputException("--fps must be 0 or more, got " + fps);
        }
        OutputSettings output = OutputSettings.defaults()
                .withSize(size.width(), size.height())
                .withHeadless(headless)
                .withMaxFrames(frames)
                .withOffscreenFps(fps)
                .withWindow(fullscreen, monitor);
        if (!Names.isValid(node)) {
            throw new BadInputException("--node " + node + ": " + Names.rule());
        }
        Optional<URI> brokerUri = Optional.ofNullable(broker).map(text -> BrokerAddress.parse(text)
                .map(address -> URI.create(address.toString()))
                .orElseThrow(() -> new BadInputException("--broker " + text + ": expected an MQTT URL like tcp://127.0.0.1:1883")));
        checkModel();
        DemoShow show;
        try {
            show = DemoShow.start(new DemoShow.Options(Optional.ofNullable(camera), model, output, brokerUri, node, !noSound));
        } catch (CameraOpenException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        RenderLoop loop = show.loop();
        if (snapshot != null) {
            loop.keepLastFrame();
        }
        StopOnSignal stop = StopOnSignal.install(show);
        loop.awaitFinished(Long.MAX_VALUE, TimeUnit.DAYS);
        if (!stop.finish()) {
            return ExitCodes.OK; // stopped by a signal: the JVM exits with its status (143 for SIGTERM)
        }
        if (loop.failure() != null) {
            spec.commandLine().getErr().println("liquide demo: rendering failed: " + loop.failure().getMessage());
            return ExitCodes.INTERNAL_FAILURE;
        }
        if (snapshot != null) {
            writeSnapshot(loop.lastFrame());
        }
        return ExitCodes.OK;
    }

    /** A model that cannot load or does not fit its contract stops the demo before it starts (exit 2). */
    private void checkModel() {
        if (model.equals(ModelSpec.BUILTIN) || model.equals(ScenePreparer.PROCEDURAL)) {
            return;
        }
        Path path = Path.of(model);
        if (!Files.exists(path)) {
            throw new BadInputException("--model " + model + ": no such file or folder");
        }
        model = path.toAbsolutePath().toString();
        try (ImageGenerator generator = GeneratorFactory.open(ModelSpec.of(model))) {
            spec.commandLine().getErr().println("model: " + generator.name() + " on " + generator.device());
        } catch (ModelLoadException e) {
            throw new BadInputException("--model " + model + ": " + e.getMessage(), e);
        }
    }

    private void writeSnapshot(BufferedImage image) throws IOException {
        if (image == null) {
            throw new IllegalStateException("no frame was rendered, so there is no snapshot");
        }
        FrameReadback.writeByName(image, snapshot);
        spec.commandLine().getOut().println("snapshot: " + snapshot.toAbsolutePath() + " (" + image.getWidth() + "x" + image.getHeight() + ")");
    }
}
