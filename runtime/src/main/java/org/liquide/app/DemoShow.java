package org.liquide.app;

import org.liquide.camera.CameraDevices;
import org.liquide.camera.CameraFeed;
import org.liquide.camera.CameraOpenException;
import org.liquide.camera.CameraSpec;
import org.liquide.hardware.wire.Names;
import org.liquide.render.OutputSettings;
import org.liquide.show.RunOptions;
import org.liquide.show.ShowRuntime;
import org.liquide.showcase.SyncRole;
import org.liquide.render.RenderLoop;
import org.liquide.showcase.OpeningHours;
import org.liquide.showcase.CameraConfig;
import org.liquide.showcase.ControlConfig;
import org.liquide.showcase.OutputConfig;
import org.liquide.showcase.PlaylistEntry;
import org.liquide.showcase.RecordingConfig;
import org.liquide.showcase.ScheduleConfig;
import org.liquide.showcase.ShowcaseConfig;
import org.liquide.sound.AudioConfig;
import org.liquide.sound.AudioInputSpec;
import org.liquide.sound.AudioOutputSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded default show ({@code liquide demo}): one camera (a webcam, a named source or, without
 * either, synthetic visitors drawn from the simulated node's script) poured into the built-in generator
 * (or a given model), steered by a simulated sensor node with those scripted visitors and by camera
 * vision. It sounds on the system's default output (a bed that swells with presence, a voice that sings
 * the visitor's distance, a chime at each arrival: {@link DemoSounds}) and listens to its default input,
 * whose level brightens the tide; without a sound device it is logged once and runs silent. It is an
 * ordinary showcase, built from resources in the jar, so the demo exercises the same runtime as a real show.
 */
public final class DemoShow implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoShow.class);
    private static final String DEFAULT_WEBCAM = "/dev/video0";
    /** The input whose signals the demo's scene maps ({@code audio/room/level}). */
    public static final String ROOM_INPUT = "room";
    private static final AudioConfig SOUND = new AudioConfig(
            List.of(new AudioInputSpec(ROOM_INPUT, new AudioInputSpec.Device(AudioInputSpec.Device.DEFAULT))),
            Optional.of(AudioOutputSpec.DEFAULT));

    /**
     * @param camera what {@code --camera} named, empty for the default (webcam if present, else synthetic visitors)
     * @param model  {@code procedural} (drawn on the GPU), {@code builtin} (the CPPN), or a model path
     * @param broker where real (or separately simulated) nodes publish; empty: a node simulated in-process
     * @param node   the node whose readings steer the demo
     * @param sound  play the demo's soundtrack on the default output and listen to the default input
     */
    public record Options(Optional<String> camera, String model, OutputSettings output, Optional<URI> broker, String node,
                          boolean sound) {
        public static final String SIMULATED_NODE = "demo";

        public Options {
            if (!Names.isValid(node)) {
                throw new IllegalArgumentException("node name '" + node + "': " + Names.rule());
            }
        }

        /** With sound. */
        public Options(Optional<String> camera, String model, OutputSettings output, Optional<URI> broker, String node) {
            this(camera, model, output, broker, node, true);
        }

        /** The demo on its own, with sound: a node simulated in-process. */
        public Options(Optional<String> camera, String model, OutputSettings output) {
            this(camera, model, output, Optional.empty(), SIMULATED_NODE);
        }
    }

    private final ShowRuntime runtime;
    private final Path folder;

    private DemoShow(ShowRuntime runtime, Path folder) {
        this.runtime = runtime;
        this.folder = folder;
    }

    /** Resolves the camera (failing with {@link CameraOpenException} for a named one that cannot open) and starts the show. */
    public static DemoShow start(Options options) throws CameraOpenException, IOException {
        CameraSpec spec = resolveCamera(options.camera());
        Path folder = Files.createTempDirectory("liquide-demo-");
        try {
            Path scene = Files.createDirectories(folder.resolve("scenes").resolve("demo"));
            boolean mirror = spec instanceof CameraSpec.Device; // a webcam faces its visitor; a test pattern reads as it is
            Files.writeString(scene.resolve("scene.yaml"), resource("demo/scene.yaml")
                    .replace("\"@MODEL@\"", quoted(options.model()))
                    .replace("@NODE@", options.node()));
            DemoSounds.writeInto(scene);
            Path node = folder.resolve("node.yaml");
            // With a broker the file names the node listened to (the runtime hears only the nodes its files name).
            Files.writeString(node, resource("demo/node.yaml").replace("node: " + Options.SIMULATED_NODE, "node: " + options.node()));
            ShowcaseConfig config = new ShowcaseConfig(folder.resolve("showcase.yaml"), "demo", "demo",
                    new OutputConfig(options.output().width(), options.output().height(), options.output().offscreenFps()),
                    List.of(), List.of(new CameraConfig("main", source(spec), true, mirror)), options.broker(), Optional.empty(),
                    List.of(node), options.broker().isEmpty(), Map.of(), folder.resolve("scenes"),
                    new ScheduleConfig(OpeningHours.always(ZoneId.systemDefault()), Optional.empty(), Optional.empty()),
                    List.of(new PlaylistEntry("demo", 86_400, 0)),
                    new ControlConfig(false, "127.0.0.1", 0, folder.resolve("token"), false),
                    new RecordingConfig(folder.resolve("journal"), 0, false), SyncRole.PEER)
                    .withAudio(options.sound() ? SOUND : AudioConfig.NONE);
            ShowRuntime runtime = ShowLauncher.start(config, new RunOptions(options.output(), false, false, Optional.empty(), true));
            return new DemoShow(runtime, folder);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(folder);
            throw e;
        }
    }

    static CameraSpec resolveCamera(Optional<String> named) throws CameraOpenException {
        if (named.isPresent()) {
            CameraSpec spec;
            try {
                spec = CameraSpec.parse(named.get());
            } catch (IllegalArgumentException e) {
                throw new CameraOpenException("camera '" + named.get() + "': " + e.getMessage(), e);
            }
            try {
                CameraFeed.probe(spec);
            } catch (CameraOpenException e) {
                throw new CameraOpenException("camera " + e.getMessage() + " (" + CameraDevices.summary() + ")", e);
            }
            return spec;
        }
        if (Files.exists(Path.of(DEFAULT_WEBCAM))) {
            CameraSpec webcam = new CameraSpec.Device(DEFAULT_WEBCAM);
            try {
                CameraFeed.probe(webcam);
                return webcam;
            } catch (CameraOpenException e) {
                LOG.warn("default webcam unusable ({}); showing synthetic visitors", e.getMessage());
            }
        }
        LOG.info("no camera named and no webcam found: showing synthetic visitors (the simulated node's visitors)");
        return CameraSpec.Visitors.DEFAULT;
    }

    private static String source(CameraSpec spec) {
        return switch (spec) {
            case CameraSpec.TestPattern pattern -> "test";
            case CameraSpec.Visitors visitors -> CameraSpec.Visitors.NAME;
            case CameraSpec.Device device -> device.path();
            case CameraSpec.VideoFile file -> file.path().toAbsolutePath().toString();
            case CameraSpec.Stream stream -> stream.uri().toString();
        };
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String resource(String name) {
        try (InputStream in = DemoShow.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RenderLoop loop() {
        return runtime.loop();
    }

    public ShowRuntime runtime() {
        return runtime;
    }

    /** The demo's camera. */
    public CameraFeed camera() {
        return runtime.camera("main").orElseThrow();
    }

    @Override
    public void close() {
        runtime.close();
        deleteQuietly(folder);
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}", path, e);
                }
            });
        } catch (IOException e) {
            LOG.debug("cannot clean {}", folder, e);
        }
    }
}
