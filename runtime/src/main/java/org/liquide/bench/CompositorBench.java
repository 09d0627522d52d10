package org.liquide.bench;

import org.liquide.camera.CameraFeed;
import org.liquide.camera.CameraSpec;
import org.liquide.render.OutputSettings;
import org.liquide.render.RenderLoop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Benchmark 1: composited frames per second offscreen, unpaced, for {@link CompositeScene} through the
 * real {@link RenderLoop}, next to the same composite as a Processing JAVA2D sketch
 * ({@link ProcessingComposite}), at each output size, in alternating windows ({@link GatedWindows}). One
 * camera feed playing a video at its own 30 fps serves both.
 */
final class CompositorBench {
    private CompositorBench() {
    }

    static String rowId(BenchConfig.Size size) {
        return "compositor-" + size;
    }

    static List<BenchRow> run(BenchConfig config, Path shader, Consumer<String> progress) throws Exception {
        BenchVideos.Video video = BenchVideos.h264(config.workDir(), config.cameraVideo(), config.cameraVideoFrames());
        int stillCount = (int) Math.round(CompositeScene.GENERATOR_IMAGES_PER_SECOND * 2);
        int[][] stills = GeneratedStills.render(config.generatorSize(), stillCount);
        List<BenchRow> rows = new ArrayList<>();
        for (BenchConfig.Size size : config.compositorSizes()) {
            String measure = "Compositor " + size + " offscreen, unpaced: camera (" + video.size() + " " + video.codec()
                    + " video) + procedural GPU generator (" + config.generatorSize() + "², crossfaded) + ISF "
                    + shader.getFileName() + "; frames/s";
            try {
                progress.accept("compositor " + size + ": Liquide and the Processing sketch, alternating windows");
                double[][] fps = measure(config, size, video, shader, stills);
                rows.add(BenchRow.measured(rowId(size), measure, "fps", Stats.of(fps[0]),
                        "Processing " + processingVersion() + " sketch, JAVA2D offscreen PGraphics, same layers as images"
                                + " with tint()/blendMode(SCREEN), glow as shrink + filter(BLUR)",
                        Stats.of(fps[1]), "higher is better; goal ≥ 3×",
                        "alternating windows of " + Stats.number(config.windowSeconds()) + " s after "
                                + Stats.number(config.warmUpSeconds()) + " s warm-up each (the other renderer is held"
                                + " meanwhile); one camera feed (30 fps) serves both; Liquide's windows end with glFinish;"
                                + " the sketch is given the generator's images pre-rendered (no generation cost);"
                                + " median of paired window ratios " + Stats.number(Stats.pairedRatio(fps[0], fps[1])) + "×"));
            } catch (Exception | Error e) {
                rows.add(BenchRow.failed(rowId(size), measure, BenchRunner.describe(e)));
            }
        }
        return rows;
    }

    /** Frames per second per window: [0] Liquide's render loop, [1] the Processing sketch. */
    static double[][] measure(BenchConfig config, BenchConfig.Size size, BenchVideos.Video video, Path shader,
                              int[][] stills) throws Exception {
        double[] liquide;
        double[] processing;
        try (CameraFeed feed = CameraFeed.of("bench", new CameraSpec.VideoFile(video.file())).start();
             ProcessingComposite sketch = new ProcessingComposite(size.width(), size.height(), feed, stills,
                     config.generatorSize());
             GatedWindows.Running loop = GatedWindows.start(OutputSettings.defaults().withSize(size.width(), size.height())
                             .withHeadless(true).withOffscreenFps(0),
                     (w, h) -> CompositeScene.create(w, h, feed, shader, config.generatorSize(), null),
                     config.warmUpSeconds(), config.windowSeconds())) {
            loop.awaitWarm();
            runFor(sketch, config.warmUpSeconds());
            AlternatingWindows.Pairs pairs = AlternatingWindows.run(config.windows(),
                    loop::measureWindow, () -> runFor(sketch, config.windowSeconds()));
            liquide = pairs.a();
            processing = pairs.b();
        }
        return new double[][]{liquide, processing};
    }

    /** Draws sketch frames for about this long (at least one); returns frames per second. */
    private static double runFor(ProcessingComposite sketch, double seconds) {
        long start = System.nanoTime();
        long length = (long) (seconds * 1e9);
        int frames = 0;
        long now;
        do {
            sketch.drawFrame();
            frames++;
            now = System.nanoTime();
        } while (now - start < length);
        return frames / ((now - start) / 1e9);
    }

    static void awaitDone(RenderLoop loop, java.util.function.BooleanSupplier done, double timeoutSeconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
        while (!done.getAsBoolean()) {
            if (loop.awaitFinished(20, TimeUnit.MILLISECONDS)) {
                if (loop.failure() != null) {
                    throw new IllegalStateException("render loop failed: " + loop.failure(), loop.failure());
                }
                throw new IllegalStateException("the render loop ended before the measurement did");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no result after " + Stats.number(timeoutSeconds) + " s (frames rendered: "
                        + loop.framesRendered() + ")");
            }
        }
    }

    /** "core 4.5.2", from the jar Processing was loaded from. */
    static String processingVersion() {
        try {
            String jar = Path.of(processing.core.PApplet.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getFileName().toString();
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("core-(.+)\\.jar").matcher(jar);
            return matcher.matches() ? "core " + matcher.group(1) : "core";
        } catch (Exception | Error e) {
            return "core";
        }
    }
}
