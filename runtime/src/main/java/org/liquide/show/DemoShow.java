package org.liquide.show;

import org.liquide.camera.CameraDevices;
import org.liquide.camera.CameraFeed;
import org.liquide.camera.CameraOpenException;
import org.liquide.camera.CameraSpec;
import org.liquide.generate.GenerationParams;
import org.liquide.render.BlendMode;
import org.liquide.render.FitMode;
import org.liquide.render.FrameContent;
import org.liquide.render.FrameTimeLogger;
import org.liquide.render.Layer;
import org.liquide.render.LayerStack;
import org.liquide.render.LayerStyle;
import org.liquide.render.OutputSettings;
import org.liquide.render.RenderLoop;
import org.liquide.render.generated.LatentDrift;
import org.liquide.render.generated.ProceduralGenerator;
import org.liquide.render.layer.CameraLayerSource;
import org.liquide.render.layer.GeneratedLayerSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * The embedded default show: the camera (or a test pattern) blended over the built-in generator, which
 * drifts on its own and follows the camera. What {@code liquide demo} runs.
 */
public final class DemoShow implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoShow.class);
    private static final String DEFAULT_WEBCAM = "/dev/video0";

    /**
     * @param camera what {@code --camera} named, empty for the default (webcam if present, else the test pattern)
     */
    public record Options(Optional<String> camera, OutputSettings output) {
    }

    private final CameraFeed camera;
    private final RenderLoop loop;
    private final FrameTimeLogger frameTimeLogger;

    private DemoShow(CameraFeed camera, RenderLoop loop) {
        this.camera = camera;
        this.loop = loop;
        this.frameTimeLogger = new FrameTimeLogger(loop.frameTimes());
    }

    /** Resolves the camera (failing with {@link CameraOpenException} for a named one that cannot open) and builds the loop. */
    public static DemoShow create(Options options) throws CameraOpenException {
        CameraSpec spec = resolveCamera(options.camera());
        CameraFeed feed = CameraFeed.of("main", spec);
        // A webcam is shown as a mirror, as visitors expect; files, streams and the test pattern read as recorded.
        boolean mirror = spec instanceof CameraSpec.Device;
        RenderLoop loop = new RenderLoop(options.output(), content(feed, mirror));
        return new DemoShow(feed, loop);
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
        if (Files.exists(java.nio.file.Path.of(DEFAULT_WEBCAM))) {
            CameraSpec webcam = new CameraSpec.Device(DEFAULT_WEBCAM);
            try {
                CameraFeed.probe(webcam);
                return webcam;
            } catch (CameraOpenException e) {
                LOG.warn("default webcam unusable ({}); showing the test pattern", e.getMessage());
            }
        }
        LOG.info("no camera named and no webcam found: showing the test pattern");
        return CameraSpec.TestPattern.DEFAULT;
    }

    private static FrameContent.Factory content(CameraFeed feed, boolean mirror) {
        return (width, height) -> {
            GenerationParams params = new GenerationParams().cameraMix(0.6f);
            CameraLayerSource cameraSource = new CameraLayerSource(feed, 2.0, 0.75);
            int generatorWidth = Math.max(64, width / 2);
            int generatorHeight = Math.max(36, height / 2);
            ProceduralGenerator generator = new ProceduralGenerator(generatorWidth, generatorHeight, 12, params,
                    cameraSource.image());
            Layer generated = new Layer("generated", new GeneratedLayerSource(generator),
                    new LayerStyle().blend(BlendMode.NORMAL).fit(FitMode.FILL).mirror(mirror));
            Layer camera = new Layer("camera", cameraSource,
                    new LayerStyle().blend(BlendMode.SCREEN).opacity(0.7f).fit(FitMode.FILL).mirror(mirror));
            return new LayerStack(List.of(generated, camera), List.of(new LatentDrift(params, 0.8)));
        };
    }

    /** Starts the camera and the render loop. */
    public DemoShow start() {
        camera.start();
        loop.start();
        return this;
    }

    public RenderLoop loop() {
        return loop;
    }

    public CameraFeed camera() {
        return camera;
    }

    @Override
    public void close() {
        loop.stop();
        try {
            loop.awaitFinished(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        frameTimeLogger.close();
        camera.close();
    }
}
