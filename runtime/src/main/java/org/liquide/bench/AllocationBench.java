package org.liquide.bench;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.liquide.render.FrameClock;
import org.liquide.render.FrameObserver;
import org.liquide.render.OutputSettings;
import org.liquide.render.RenderLoop;
import org.liquide.render.gl.Framebuffer;
import org.liquide.app.DemoShow;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Benchmark 3: the embedded demo (camera video + the CPPN through its worker + the simulated sensor
 * node and mappings) through the real runtime, unpaced. After a JIT warm-up, windows of frames measure
 * the render thread's heap allocation per frame (goal: zero), the longest frame interval (a stall), and
 * with JFR the GC pauses ({@code jdk.GCPhasePause}) of the whole JVM during the windows.
 */
final class AllocationBench {
    static final String BYTES = "render-bytes-per-frame";
    static final String PAUSE = "gc-longest-pause";
    static final String STALL = "render-longest-frame";
    /** The frame budget at 60 frames per second, the show's default rate. */
    static final double FRAME_BUDGET_MILLIS = 1000.0 / 60;

    private AllocationBench() {
    }

    static List<BenchRow> run(BenchConfig config, Consumer<String> progress) {
        String size = config.demoSize().toString();
        String bytesMeasure = "Render-thread heap allocation per frame, demo at " + size + " unpaced (camera video + CPPN"
                + " worker + simulated sensors and mappings), after " + config.allocationWarmUpFrames() + " warm-up frames; bytes/frame";
        String pauseMeasure = "Longest GC pause (JFR jdk.GCPhasePause, whole JVM) during that run, one full GC cycle"
                + " forced per window; ms";
        String stallMeasure = "Longest render frame interval during that run; ms";
        try {
            BenchVideos.Video video = BenchVideos.h264(config.workDir(), config.cameraVideo(), config.cameraVideoFrames());
            progress.accept("allocation: demo at " + size + ", " + config.allocationWarmUpFrames() + " warm-up frames then "
                    + config.windows() + " x " + config.allocationWindowFrames());
            Measured measured = measure(config, video);
            List<BenchRow> rows = new ArrayList<>();
            String gc = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                    .collect(Collectors.joining(", "));
            String windows = config.windows() + " windows of " + config.allocationWindowFrames() + " frames";
            rows.add(BenchRow.againstGoal(BYTES, bytesMeasure, "B/frame", Stats.of(measured.bytesPerFrame()),
                    "the render loop's contract", 0, "0 B/frame (goal: no allocation in steady state)",
                    "lower is better; goal 0", windows + "; total over all windows: " + measured.totalBytes() + " bytes in "
                            + measured.frames() + " frames (ThreadMXBean.getCurrentThreadAllocatedBytes on the render thread)"));
            rows.add(BenchRow.againstGoal(PAUSE, pauseMeasure, "ms", Stats.of(measured.longestPausePerWindow()),
                    "one frame at 60 fps", FRAME_BUDGET_MILLIS, Stats.number(FRAME_BUDGET_MILLIS) + " ms (the frame budget)",
                    "lower is better; must stay far below 1×",
                    "per-window longest pause, with one System.gc() (a full cycle) in the middle of each window since"
                            + " the show alone allocates too little to start one in minutes; GC: " + gc + "; " + measured.pauses() + " pauses (" + measured.collections()
                            + " collections) in " + Stats.number(measured.seconds()) + " s, total paused "
                            + Stats.number(measured.totalPauseMillis()) + " ms; all threads allocated "
                            + Stats.number(measured.jvmMebibytesPerSecond()) + " MiB/s meanwhile (heap limit "
                            + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB); over the whole demo run,"
                            + " start and warm-up included: " + measured.runPauses() + " pauses, longest "
                            + Stats.number(measured.runLongestPauseMillis()) + " ms"));
            rows.add(BenchRow.againstGoal(STALL, stallMeasure, "ms", Stats.of(measured.longestIntervalPerWindow()),
                    "the median frame interval of the run", measured.medianIntervalMillis(),
                    Stats.number(measured.medianIntervalMillis()) + " ms (median frame, " + Stats.number(1000 / measured.medianIntervalMillis())
                            + " fps)", "lower is better; near 1× is smooth",
                    "per-window longest interval between frame starts, render thread (the windows include the forced GC"
                            + " cycles); p99 over the run "
                            + Stats.number(measured.p99IntervalMillis()) + " ms"));
            return rows;
        } catch (Exception | Error e) {
            String why = BenchRunner.describe(e);
            return List.of(BenchRow.failed(BYTES, bytesMeasure, why), BenchRow.failed(PAUSE, pauseMeasure, why),
                    BenchRow.failed(STALL, stallMeasure, why));
        }
    }

    /**
     * @param jvmMebibytesPerSecond heap allocation of all threads during the windows
     * @param runPauses             GC pauses over the whole demo run, start and warm-up included
     * @param runLongestPauseMillis the longest of those
     */
    record Measured(double[] bytesPerFrame, long totalBytes, long frames, double[] longestPausePerWindow, int pauses,
                    int collections, double totalPauseMillis, double seconds, double[] longestIntervalPerWindow,
                    double medianIntervalMillis, double p99IntervalMillis, double jvmMebibytesPerSecond,
                    int runPauses, double runLongestPauseMillis) {
    }

    static Measured measure(BenchConfig config, BenchVideos.Video video) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!threads.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot measure a thread's allocation");
        }
        threads.setThreadAllocatedMemoryEnabled(true);
        int windows = config.windows();
        int perWindow = config.allocationWindowFrames();
        Meter meter = new Meter(threads, config.allocationWarmUpFrames(), perWindow, windows);
        Path jfr = Files.createTempFile("liquide-bench-", ".jfr");
        long[] jvmBytes = new long[2];
        long[] jvmNanos = new long[2];
        long nanoOrigin = System.nanoTime();
        Instant wallOrigin = Instant.now();
        try (Recording recording = new Recording()) {
            recording.enable("jdk.GCPhasePause").withThreshold(Duration.ZERO);
            recording.enable("jdk.GarbageCollection").withThreshold(Duration.ZERO);
            recording.start();
            OutputSettings output = OutputSettings.defaults().withSize(config.demoSize().width(), config.demoSize().height())
                    .withHeadless(true).withOffscreenFps(0);
            try (DemoShow show = DemoShow.start(new DemoShow.Options(Optional.of(video.file().toString()), "builtin", output))) {
                RenderLoop loop = show.loop();
                loop.addObserver(meter);
                // Until the scene is on stage the loop draws an empty stage, far faster than the show.
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (show.runtime().player().current().isEmpty()) {
                    if (System.nanoTime() > deadline || loop.failure() != null) {
                        throw new IllegalStateException("the demo scene never reached the stage: "
                                + show.runtime().player().lastError());
                    }
                    Thread.sleep(10);
                }
                meter.live = true;
                double timeout = 120 + (config.allocationWarmUpFrames() + (double) windows * perWindow) / 2.0;
                CompositorBench.awaitDone(loop, () -> meter.started, timeout);
                jvmBytes[0] = threads.getTotalThreadAllocatedBytes();
                jvmNanos[0] = System.nanoTime();
                for (int w = 0; w < windows; w++) {
                    // The show allocates too little to start a collection within minutes: one full cycle in the
                    // middle of each window shows what its pauses cost while the render thread runs.
                    long middle = (long) w * perWindow + perWindow / 2;
                    CompositorBench.awaitDone(loop, () -> meter.measuredFrames >= middle, timeout);
                    System.gc();
                }
                CompositorBench.awaitDone(loop, meter::done, timeout);
                jvmBytes[1] = threads.getTotalThreadAllocatedBytes();
                jvmNanos[1] = System.nanoTime();
                loop.stop();
                loop.awaitFinished(30, TimeUnit.SECONDS);
            }
            recording.stop();
            recording.dump(jfr);
            Instant[] bounds = new Instant[windows + 1];
            for (int w = 0; w <= windows; w++) {
                bounds[w] = wallOrigin.plusNanos(meter.nanos[w] - nanoOrigin);
            }
            double[] longestPause = new double[windows];
            int pauses = 0;
            int collections = 0;
            double total = 0;
            int runPauses = 0;
            double runLongest = 0;
            for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
                Instant at = event.getStartTime();
                if (event.getEventType().getName().equals("jdk.GCPhasePause")) {
                    runPauses++;
                    runLongest = Math.max(runLongest, event.getDuration().toNanos() / 1e6);
                }
                if (at.isBefore(bounds[0]) || !at.isBefore(bounds[windows])) {
                    continue;
                }
                if (event.getEventType().getName().equals("jdk.GarbageCollection")) {
                    collections++;
                    continue;
                }
                int w = 0;
                while (w < windows - 1 && !at.isBefore(bounds[w + 1])) {
                    w++;
                }
                double millis = event.getDuration().toNanos() / 1e6;
                longestPause[w] = Math.max(longestPause[w], millis);
                total += millis;
                pauses++;
            }
            double[] bytesPerFrame = new double[windows];
            for (int w = 0; w < windows; w++) {
                bytesPerFrame[w] = (meter.bytes[w + 1] - meter.bytes[w]) / (double) perWindow;
            }
            double[] intervals = new double[meter.intervalCount];
            for (int i = 0; i < intervals.length; i++) {
                intervals[i] = meter.intervals[i];
            }
            return new Measured(bytesPerFrame, meter.bytes[windows] - meter.bytes[0], (long) windows * perWindow,
                    longestPause, pauses, collections, total, (meter.nanos[windows] - meter.nanos[0]) / 1e9,
                    meter.longestInterval.clone(), Stats.percentile(intervals, 0.5), Stats.percentile(intervals, 0.99),
                    jvmBytes[0] < 0 || jvmBytes[1] < 0 ? Double.NaN
                            : (jvmBytes[1] - jvmBytes[0]) / ((jvmNanos[1] - jvmNanos[0]) / 1e9) / (1024 * 1024),
                    runPauses, runLongest);
        } finally {
            Files.deleteIfExists(jfr);
        }
    }

    /** Reads the render thread's allocation counter at window edges; allocates nothing itself. */
    private static final class Meter implements FrameObserver {
        private final com.sun.management.ThreadMXBean threads;
        private final int warmUp;
        private final int perWindow;
        private final int windows;
        final long[] bytes;
        final long[] nanos;
        final double[] longestInterval;
        final float[] intervals;
        int intervalCount;
        private long firstIndex = -1;
        /** Set at the first window's start. */
        volatile boolean started;
        /** Frames since the first window's start. */
        volatile long measuredFrames;
        /** Set once the demo's scene is on its way to the stage: frames before are not the show's. */
        volatile boolean live;
        private volatile boolean done;

        Meter(com.sun.management.ThreadMXBean threads, int warmUp, int perWindow, int windows) {
            this.threads = threads;
            this.warmUp = warmUp;
            this.perWindow = perWindow;
            this.windows = windows;
            this.bytes = new long[windows + 1];
            this.nanos = new long[windows + 1];
            this.longestInterval = new double[windows];
            this.intervals = new float[windows * perWindow];
        }

        @Override
        public void frameComposited(FrameClock clock, Framebuffer frame) {
            if (done || !live) {
                return;
            }
            if (firstIndex < 0) {
                firstIndex = clock.frameIndex();
            }
            long k = clock.frameIndex() - firstIndex - warmUp;
            if (k < 0) {
                return;
            }
            measuredFrames = k;
            if (k > 0) {
                int w = (int) ((k - 1) / perWindow);
                double millis = clock.deltaSeconds() * 1000;
                longestInterval[w] = Math.max(longestInterval[w], millis);
                intervals[intervalCount++] = (float) millis;
            }
            if (k % perWindow == 0) {
                int edge = (int) (k / perWindow);
                bytes[edge] = threads.getCurrentThreadAllocatedBytes();
                nanos[edge] = System.nanoTime();
                started = true;
                if (edge == windows) {
                    done = true;
                }
            }
        }

        boolean done() {
            return done;
        }
    }
}
