package org.liquide.bench;

import org.liquide.camera.CameraFeed;
import org.liquide.camera.CameraSpec;
import org.liquide.render.FrameClock;
import org.liquide.render.FrameObserver;
import org.liquide.render.OutputSettings;
import org.liquide.render.RenderLoop;
import org.liquide.render.gl.Framebuffer;
import org.liquide.signal.SignalBus;
import org.liquide.signal.filter.HoldFilter;
import org.liquide.signal.mapping.MappingEngine;
import org.liquide.signal.mapping.MappingSpec;
import org.liquide.signal.mapping.ParameterTarget;
import org.liquide.sound.AudioInputSpec;
import org.liquide.sound.decode.WavWriter;
import org.liquide.sound.input.AudioInput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;


/**
 * Benchmark 5, sound: a sound's onset to the composited frame. An audio input listens to a file of short
 * bursts (2 kHz, 50 ms, every second) looped at the pace of the clock, as a device would deliver it, and
 * analyses it on its own thread as the show does; its {@code onset} signal moves the latency scene's
 * marker through a {@link MappingEngine} mapping (white above 0.5), held 0.6 s so that a slow render
 * loop still sees each onset. The latency runs from when the hop
 * holding the onset began to arrive ({@link AudioInput#lastOnsetNanos()}: at most one hop, 10.7 ms,
 * before the sound's true onset, so the figure is an upper bound) to the end of the first frame whose
 * read-back pixel is white. The goal is one frame plus the input buffer at 60 frames/s: 50 ms.
 */
final class SoundLatencyBench {
    static final String SOUND = "latency-sound";
    static final double GOAL_MILLIS = 50;
    private static final String INPUT = "bench";
    private static final int MAX_SAMPLES = 100_000;
    private static final int RATE = AudioInput.RATE;

    private SoundLatencyBench() {
    }

    static List<BenchRow> run(BenchConfig config, Path shader, Consumer<String> progress) {
        String size = config.latencySize().toString();
        String measure = "Sound onset (an audio input's hop) → end of the first composited frame reflecting it (onset signal"
                + " mapped to a layer's opacity, pixel read back), " + size + " at 60 fps pacing; ms";
        try {
            BenchVideos.Video video = BenchVideos.h264(config.workDir(), config.cameraVideo(), config.cameraVideoFrames());
            Path bursts = WavWriter.write(Files.createDirectories(config.workDir()).resolve("bursts.wav"), bursts(), RATE);
            progress.accept("latency: sound, " + Stats.number(config.latencySeconds()) + " s at " + size);
            Observer observer = measure(config, video, shader, bursts);
            if (observer.count == 0) {
                throw new IllegalStateException("no onset reached the screen in " + Stats.number(config.latencySeconds()) + " s");
            }
            double[] millis = Arrays.copyOf(observer.millis, observer.count);
            double medianInterval = observer.frames.medianIntervalMillis();
            double[] frames = Arrays.stream(millis).map(ms -> ms / medianInterval).toArray();
            return List.of(BenchRow.againstGoal(SOUND, measure, "ms", Stats.of(millis),
                    "one frame plus the input buffer at 60 fps", GOAL_MILLIS, Stats.number(GOAL_MILLIS) + " ms",
                    "lower is better; at most 1× is the goal",
                    observer.count + " onsets 1 s apart; p95 " + Stats.number(Stats.percentile(millis, 0.95)) + " ms; in frame"
                            + " intervals " + Stats.of(frames).format("frames") + "; " + observer.frames.rate()
                            + "; a file paced by the clock in hops of "
                            + AudioInput.HOP + " samples at " + RATE / 1000 + " kHz (a capture device adds its own buffer)"));
        } catch (Exception | Error e) {
            return List.of(BenchRow.failed(SOUND, measure, BenchRunner.describe(e)));
        }
    }

    /** 2 s of silence with a 50 ms 2 kHz burst at the start of each second: an onset the detector hears each time. */
    private static float[] bursts() {
        int period = RATE;
        int burst = RATE / 20;
        float[] samples = new float[period * 2];
        for (int p = 0; p < 2; p++) {
            for (int i = 0; i < burst; i++) {
                samples[p * period + i] = (float) (0.5 * Math.sin(2 * Math.PI * 2000 * i / RATE));
            }
        }
        return samples;
    }

    private static Observer measure(BenchConfig config, BenchVideos.Video video, Path shader, Path bursts) throws Exception {
        SignalBus bus = new SignalBus();
        MappingSpec spec = new MappingSpec("audio/" + INPUT + "/onset", 0, List.of(() -> new HoldFilter(0.6)), "layer.marker-white.opacity", 0, 3600, 0);
        Observer observer = new Observer(config.latencySize(), (long) (config.warmUpSeconds() * 1e9));
        boolean finished = false;
        try (CameraFeed feed = CameraFeed.of("bench-sound-latency", new CameraSpec.VideoFile(video.file())).start();
             AudioInput input = new AudioInput(new AudioInputSpec(INPUT, new AudioInputSpec.File(bursts)), bus)) {
            observer.input = input;
            RenderLoop loop = new RenderLoop(OutputSettings.defaults()
                    .withSize(config.latencySize().width(), config.latencySize().height()).withHeadless(true)
                    .withOffscreenFps(60), (w, h) -> {
                MappingEngine[] engine = new MappingEngine[1];
                CompositeScene scene = CompositeScene.create(w, h, feed, shader, config.generatorSize(),
                        (clock, marker) -> engine[0].evaluate(clock.nowNanos()));
                engine[0] = MappingEngine.build(List.of(spec), bus,
                        name -> new ParameterTarget(name, value -> scene.marker().opacity((float) value)));
                return scene;
            });
            loop.addObserver(observer);
            loop.start();
            try {
                CompositorBench.awaitDone(loop, observer.frames::measuring, 120);
                input.start();
                long end = System.nanoTime() + (long) (config.latencySeconds() * 1e9);
                while (System.nanoTime() < end && !loop.awaitFinished(20, TimeUnit.MILLISECONDS)) {
                    if (input.state() == AudioInput.State.LOST) {
                        throw new IllegalStateException("the bench's audio input is lost: " + input.problem());
                    }
                }
            } finally {
                loop.stop();
                finished = loop.awaitFinished(30, TimeUnit.SECONDS);
            }
            if (loop.failure() != null) {
                throw new IllegalStateException("render loop failed: " + loop.failure(), loop.failure());
            }
        } finally {
            if (finished) {
                observer.free(); // the render thread reads into it until the loop has ended
            }
        }
        return observer;
    }

    /** Render-thread side: reads the marker pixel every frame and notes when a new onset shows. No allocation. */
    private static final class Observer implements FrameObserver {
        private final MarkerPixel marker;
        final MeasuredFrames frames;
        final double[] millis = new double[MAX_SAMPLES];
        int count;
        volatile AudioInput input;
        private long measuredOnset;

        Observer(BenchConfig.Size size, long warmUpNanos) {
            this.marker = new MarkerPixel(size);
            this.frames = new MeasuredFrames(warmUpNanos, MAX_SAMPLES);
        }

        @Override
        public void frameComposited(FrameClock clock, Framebuffer frame) {
            long done = marker.read(frame);
            if (!frames.measure(clock, done)) {
                return;
            }
            long onset = input.lastOnsetNanos();
            boolean white = marker.white();
            if (white && onset != 0 && onset != measuredOnset && count < MAX_SAMPLES) {
                millis[count++] = (done - onset) / 1e6;
                measuredOnset = onset;
            }
        }

        void free() {
            marker.free();
        }
    }
}
