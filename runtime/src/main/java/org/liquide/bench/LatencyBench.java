package org.liquide.bench;

import org.liquide.camera.CameraFeed;
import org.liquide.camera.CameraSpec;
import org.liquide.render.FrameClock;
import org.liquide.render.FrameObserver;
import org.liquide.render.OutputSettings;
import org.liquide.render.RenderLoop;
import org.liquide.render.gl.Framebuffer;
import org.liquide.signal.SignalBus;
import org.liquide.signal.mapping.MappingEngine;
import org.liquide.signal.mapping.MappingSpec;
import org.liquide.signal.mapping.ParameterTarget;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;


/**
 * Benchmark 5: latencies through the real render loop at the show's default pace (60 frames/s) with the
 * compositor benchmark's scene. Camera: from the capture thread's delivery of a frame to the end of the
 * first composited frame that shows it ({@code CameraLayerSource.shownCaptureNanos()}), in ms and in
 * frames counted from the first frame begun after the delivery ({@link FrameSpans#waitedFor}: the frame
 * in progress had already read its sources; 1 means latest-wins held, 2 a frame showed an older image
 * although it began after the delivery). Sensor: a value published on the {@link SignalBus} moves,
 * through a {@link MappingEngine} mapping evaluated at the start of each frame, the opacity of a white
 * square over a black one; each frame one pixel of it is read back, and the latency runs from the publish
 * to the end of the first frame whose pixel shows the new value. Reading the pixel waits for the GPU, so
 * "end of the frame" is when it is finished, not when it is queued.
 */
final class LatencyBench {
    static final String CAMERA = "latency-camera";
    static final String SENSOR = "latency-sensor";
    static final String SIGNAL = "bench/marker";
    private static final int MAX_SAMPLES = 100_000;

    private LatencyBench() {
    }

    static List<BenchRow> run(BenchConfig config, Path shader, Consumer<String> progress) {
        String size = config.latencySize().toString();
        String cameraMeasure = "Camera frame delivered → the composited frame showing it, in frames from the first"
                + " begun after the delivery (1: that frame shows it), " + size + " at 60 fps pacing (compositor scene); frames";
        String sensorMeasure = "Signal published on the bus → end of the first composited frame reflecting it (mapped"
                + " layer opacity, pixel read back), " + size + " at 60 fps pacing; ms";
        try {
            BenchVideos.Video video = BenchVideos.h264(config.workDir(), config.cameraVideo(), config.cameraVideoFrames());
            progress.accept("latency: " + Stats.number(config.latencySeconds()) + " s at " + size);
            Observer observer = measure(config, video, shader);
            if (observer.cameraCount == 0 || observer.sensorCount == 0) {
                throw new IllegalStateException("too few samples: " + observer.cameraCount + " camera frames, "
                        + observer.sensorCount + " signal changes seen");
            }
            double[] cameraFrames = Arrays.copyOf(observer.cameraFrames, observer.cameraCount);
            double[] cameraMillis = Arrays.copyOf(observer.cameraMillis, observer.cameraCount);
            double[] cameraEnded = Arrays.copyOf(observer.cameraEnded, observer.cameraCount);
            double[] sensorMillis = Arrays.copyOf(observer.sensorMillis, observer.sensorCount);
            double[] sensorFrames = Arrays.copyOf(observer.sensorFrames, observer.sensorCount);
            double medianInterval = observer.frames.medianIntervalMillis();
            String rate = observer.frames.rate();
            List<BenchRow> rows = new ArrayList<>();
            rows.add(BenchRow.againstGoal(CAMERA, cameraMeasure, "frames", Stats.of(cameraFrames),
                    "the next frame after delivery (latest-wins)", 1, "1 frame (the least possible)",
                    "lower is better; goal 1 frame (1×), the least possible",
                    observer.cameraCount + " camera frames; delivery to the end of the frame showing it "
                            + Stats.of(cameraMillis).format("ms") + ", p95 " + Stats.number(Stats.percentile(cameraMillis, 0.95))
                            + " ms; frames ended after the delivery, the one in progress included, "
                            + Stats.of(cameraEnded).format("frames") + "; " + rate
                            + "; delivery is after FFmpeg's decode and the copy of its planes (sensor exposure and USB not included)"));
            rows.add(BenchRow.againstGoal(SENSOR, sensorMeasure, "ms", Stats.of(sensorMillis),
                    "one frame interval of this run", medianInterval, Stats.number(medianInterval) + " ms (one frame)",
                    "lower is better; between 0.5× and 2× is what a frame loop allows",
                    observer.sensorCount + " changes published 150–350 ms apart; p95 "
                            + Stats.number(Stats.percentile(sensorMillis, 0.95)) + " ms; in frames "
                            + Stats.of(sensorFrames).format("frames") + "; " + rate));
            return rows;
        } catch (Exception | Error e) {
            String why = BenchRunner.describe(e);
            return List.of(BenchRow.failed(CAMERA, cameraMeasure, why), BenchRow.failed(SENSOR, sensorMeasure, why));
        }
    }

    private static Observer measure(BenchConfig config, BenchVideos.Video video, Path shader) throws Exception {
        SignalBus bus = new SignalBus();
        MappingSpec spec = new MappingSpec(SIGNAL, 0, List.of(), "layer.marker-white.opacity", 0, 3600, 0);
        Observer observer = new Observer(config.latencySize(), (long) (config.warmUpSeconds() * 1e9));
        boolean finished = false;
        try (CameraFeed feed = CameraFeed.of("bench-latency", new CameraSpec.VideoFile(video.file())).start()) {
            RenderLoop loop = new RenderLoop(OutputSettings.defaults()
                    .withSize(config.latencySize().width(), config.latencySize().height()).withHeadless(true)
                    .withOffscreenFps(60), (w, h) -> {
                MappingEngine[] engine = new MappingEngine[1];
                CompositeScene scene = CompositeScene.create(w, h, feed, shader, config.generatorSize(),
                        (clock, marker) -> engine[0].evaluate(clock.nowNanos()));
                engine[0] = MappingEngine.build(List.of(spec), bus,
                        name -> new ParameterTarget(name, value -> scene.marker().opacity((float) value)));
                observer.scene = scene;
                return scene;
            });
            loop.addObserver(observer);
            loop.start();
            try {
                CompositorBench.awaitDone(loop, observer.frames::measuring, 120);
                publishChanges(bus, observer, loop, (long) (config.latencySeconds() * 1e9));
            } finally {
                loop.stop();
                finished = loop.awaitFinished(30, TimeUnit.SECONDS);
            }
            if (loop.failure() != null) {
                throw new IllegalStateException("render loop failed: " + loop.failure(), loop.failure());
            }
        } finally {
            if (finished) {
                // The render thread reads into it until the loop has ended.
                observer.free();
            }
        }
        return observer;
    }

    /** Flips the signal between 0 and 1 at irregular intervals, each time once the last flip was seen. */
    private static void publishChanges(SignalBus bus, Observer observer, RenderLoop loop, long durationNanos)
            throws InterruptedException {
        double[] value = new double[1];
        boolean white = false;
        long end = System.nanoTime() + durationNanos;
        while (System.nanoTime() < end && loop.failure() == null) {
            Thread.sleep(ThreadLocalRandom.current().nextLong(150, 351));
            long waitUntil = System.nanoTime() + 2_000_000_000L;
            while (observer.pending && System.nanoTime() < waitUntil) {
                Thread.sleep(1);
            }
            if (observer.pending) {
                throw new IllegalStateException("a published change never showed on screen");
            }
            white = !white;
            value[0] = white ? 1 : 0;
            observer.expectWhite = white;
            observer.publishedNanos = System.nanoTime();
            observer.pending = true;
            bus.publish("bench", SIGNAL, value, 1, System.currentTimeMillis());
        }
        long waitUntil = System.nanoTime() + 2_000_000_000L;
        while (observer.pending && System.nanoTime() < waitUntil) {
            Thread.sleep(1);
        }
    }

    /** Render-thread side: reads the marker pixel every frame and notes when changes show. No allocation. */
    private static final class Observer implements FrameObserver {
        private static final int RING = 256;
        private final MarkerPixel marker;
        final MeasuredFrames frames;
        private final FrameSpans spans = new FrameSpans(RING);
        final double[] cameraFrames = new double[MAX_SAMPLES];
        final double[] cameraEnded = new double[MAX_SAMPLES];
        final double[] cameraMillis = new double[MAX_SAMPLES];
        final double[] sensorMillis = new double[MAX_SAMPLES];
        final double[] sensorFrames = new double[MAX_SAMPLES];
        int cameraCount;
        int sensorCount;
        volatile CompositeScene scene;
        volatile boolean expectWhite;
        volatile long publishedNanos;
        volatile boolean pending;
        private long lastShown;

        Observer(BenchConfig.Size size, long warmUpNanos) {
            this.marker = new MarkerPixel(size);
            this.frames = new MeasuredFrames(warmUpNanos, MAX_SAMPLES);
        }

        @Override
        public void frameComposited(FrameClock clock, Framebuffer frame) {
            long index = clock.frameIndex();
            long done = marker.read(frame);
            spans.record(index, clock.nowNanos(), done);
            if (!frames.measure(clock, done)) {
                lastShown = scene.camera().shownCaptureNanos(); // the camera frame shown when the measurement begins
                return;
            }
            long shown = scene.camera().shownCaptureNanos();
            if (shown != lastShown && shown != 0 && cameraCount < MAX_SAMPLES) {
                lastShown = shown;
                cameraMillis[cameraCount] = (done - shown) / 1e6;
                cameraFrames[cameraCount] = spans.waitedFor(shown, index);
                cameraEnded[cameraCount] = spans.endedSince(shown, index);
                cameraCount++;
            }
            if (pending) {
                boolean white = marker.white();
                if (white == expectWhite && sensorCount < MAX_SAMPLES) {
                    long published = publishedNanos;
                    sensorMillis[sensorCount] = (done - published) / 1e6;
                    sensorFrames[sensorCount] = spans.endedSince(published, index);
                    sensorCount++;
                    pending = false;
                }
            }
        }

        void free() {
            marker.free();
        }
    }
}
