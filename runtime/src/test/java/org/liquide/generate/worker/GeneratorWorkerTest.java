package org.liquide.generate.worker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.GenerationParams;
import org.liquide.generate.ImageGenerator;
import org.liquide.generate.ModelSpec;
import org.liquide.generate.TestImages;
import org.liquide.generate.TinyModels;
import org.liquide.generate.cppn.CppnGenerator;
import org.liquide.generate.engine.EngineOptions;
import org.liquide.generate.engine.ProviderChoice;
import org.liquide.hardware.testing.Await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

class GeneratorWorkerTest {
    private static final Duration DEADLINE = Await.GENEROUS;
    private static final WorkerConfig FAST = WorkerConfig.defaults()
            .withStallTimeout(Duration.ofMillis(400))
            .withRetry(Duration.ofMillis(50), Duration.ofMillis(200))
            .withMaxFramesPerSecond(0)
            .withSimilarityThreshold(0f);

    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private long lastCaptureSeen;
    private int framesSeen;
    private VideoFrame lastFrame;

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : cleanup.reversed()) {
            closeable.close();
        }
    }

    /** Opens the real built-in CPPN, small, as the fallback. */
    private static GeneratorSource cppn() {
        return () -> new CppnGenerator(16, 16, 1, EngineOptions.cpu().withThreads(1, 1));
    }

    /** A source that hands out the given generators in turn, counting the opens. */
    private static final class Source implements GeneratorSource {
        final AtomicInteger opens = new AtomicInteger();
        final List<Supplier<ImageGenerator>> results;

        Source(Supplier<ImageGenerator> first) {
            this(List.of(first));
        }

        Source(List<Supplier<ImageGenerator>> results) {
            this.results = results;
        }

        @Override
        public ImageGenerator open() {
            int index = Math.min(opens.getAndIncrement(), results.size() - 1);
            return results.get(index).get();
        }
    }

    private GeneratorWorker start(GeneratorSource primary, GeneratorSource fallback, WorkerConfig config) {
        GeneratorWorker worker = new GeneratorWorker("test", primary, fallback, config);
        cleanup.add(worker);
        worker.start();
        return worker;
    }

    /** A camera thread publishing changing frames (or the same one) every few milliseconds. */
    private Camera camera(GeneratorWorker worker, boolean moving) {
        Camera camera = new Camera(worker, moving);
        cleanup.add(camera);
        camera.thread.start();
        return camera;
    }

    private static final class Camera implements AutoCloseable {
        final Thread thread;
        volatile boolean running = true;
        volatile long lastCapture;

        Camera(GeneratorWorker worker, boolean moving) {
            VideoFrame scene = TestImages.sceneFrame(32, 24, 0);
            thread = new Thread(() -> {
                long sequence = 0;
                SplittableRandom noise = new SplittableRandom(1);
                while (running) {
                    VideoFrame frame = worker.input().writable();
                    frame.copyFrom(scene);
                    ByteBuffer pixels = frame.pixels();
                    for (int i = 0; i < 32 * 24 * 3; i++) {
                        int value = (pixels.get(i) & 0xFF) + (moving ? (int) (sequence * 7 % 200) : noise.nextInt(3) - 1);
                        pixels.put(i, (byte) Math.max(0, Math.min(255, value)));
                    }
                    long capture = System.nanoTime();
                    frame.setCaptureNanos(capture);
                    frame.setSequence(++sequence);
                    worker.input().publish();
                    lastCapture = capture;
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(4));
                }
            }, "test-camera");
            thread.setDaemon(true);
        }

        @Override
        public void close() {
            running = false;
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Plays the renderer: takes output frames until the condition holds or the deadline passes. */
    private void await(GeneratorWorker worker, BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            VideoFrame frame = worker.output().takeLatest();
            if (frame != null) {
                framesSeen++;
                lastCaptureSeen = frame.captureNanos();
                lastFrame = frame;
            }
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what.get() + "; stats: " + worker.stats());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    @Test
    void framesCarryTheirInputsCaptureTimeAndStatsAreCounted() {
        FakeGenerator model = new FakeGenerator("fake", 200, FakeGenerator.Behaviour.WORK, 0);
        GeneratorWorker worker = start(new Source(() -> model), cppn(), FAST);
        Camera camera = camera(worker, true);
        await(worker, () -> worker.stats().status() == WorkerStatus.RUNNING && framesSeen > 0
                && lastFrame.width() == 8, () -> "the model's frames");
        await(worker, () -> framesSeen > 20, () -> "a stream of frames");
        long captured = camera.lastCapture;
        await(worker, () -> lastCaptureSeen >= captured, () -> "a frame made from a recent camera image");
        assertTrue(lastCaptureSeen <= System.nanoTime());
        assertEquals(PixelFormat.RGB24, lastFrame.format());
        await(worker, () -> worker.stats().framesPerSecond() > 0, () -> "a frame rate");
        WorkerStats stats = worker.stats();
        assertEquals("fake", stats.generator());
        assertEquals("test", stats.device());
        assertTrue(stats.generatedFrames() >= 20);
        assertTrue(stats.meanLatencyMillis() >= 0 && stats.lastLatencyMillis() >= 0);
        assertEquals(0, stats.failures());
        assertNull(stats.lastError());
    }

    @Test
    void aModelRunningSlowerThanTheDeviceAskedForSaysSoInItsStats() {
        FakeGenerator model = new FakeGenerator("fake", 200, FakeGenerator.Behaviour.WORK, 0);
        model.provider = new ProviderChoice("cuda:0", "cpu", List.of("cuda: libcudnn.so.9: cannot open shared object file"));
        GeneratorWorker worker = start(new Source(() -> model), cppn(), FAST);
        camera(worker, true);
        await(worker, () -> worker.stats().status() == WorkerStatus.RUNNING && framesSeen > 0, () -> "the model's frames");
        assertEquals("cpu", worker.stats().device());
        assertEquals("asked for cuda:0, running on cpu: cuda: libcudnn.so.9: cannot open shared object file",
                worker.stats().deviceWarning());
    }

    @Test
    void aModelRunningWhereAskedHasNoDeviceWarning() {
        FakeGenerator model = new FakeGenerator("fake", 200, FakeGenerator.Behaviour.WORK, 0);
        GeneratorWorker worker = start(new Source(() -> model), cppn(), FAST);
        camera(worker, true);
        await(worker, () -> worker.stats().status() == WorkerStatus.RUNNING && framesSeen > 0, () -> "the model's frames");
        assertNull(worker.stats().deviceWarning());
    }

    @Test
    void aThrowingModelIsReplacedByTheFallbackAtOnceAndRetried() {
        Source source = new Source(() -> new FakeGenerator("fake", 200, FakeGenerator.Behaviour.THROW, 5));
        GeneratorWorker worker = start(source, cppn(), FAST);
        camera(worker, true);
        await(worker, () -> worker.stats().failures() >= 1, () -> "the model to fail");
        int before = framesSeen;
        await(worker, () -> framesSeen >= before + 10, () -> "frames after the failure");
        await(worker, () -> source.opens.get() >= 3, () -> "the model to be retried, again and again");
        WorkerStats stats = worker.stats();
        assertTrue(stats.lastError().contains("model exploded"), stats.lastError());
    }

    @Test
    void theFallbackFollowsTheFailureWithinAFrame() {
        FakeGenerator model = new FakeGenerator("fake", 200, FakeGenerator.Behaviour.THROW, 3);
        GeneratorWorker worker = start(new Source(List.of(() -> model, () -> new FakeGenerator("late", 1,
                FakeGenerator.Behaviour.THROW, 0))), cppn(), FAST.withRetry(Duration.ofMinutes(1), Duration.ofMinutes(1)));
        camera(worker, true);
        await(worker, () -> model.calls.get() > 3, () -> "the model to throw");
        lastFrame = null;
        long[] fallbackFrameAt = new long[1];
        await(worker, () -> {
            if (lastFrame != null && lastFrame.width() == 16 && fallbackFrameAt[0] == 0) {
                fallbackFrameAt[0] = System.nanoTime();
            }
            return fallbackFrameAt[0] != 0;
        }, () -> "the fallback's frames");
        double gapMillis = (fallbackFrameAt[0] - model.failedAtNanos) / 1e6;
        // The fallback is opened before it is needed: the gap is one CPPN frame, not a model load.
        assertTrue(gapMillis < 1000, "fallback frame " + gapMillis + " ms after the failure");
        assertEquals(WorkerStatus.FALLBACK, worker.stats().status());
        assertEquals("cppn", worker.stats().generator());
        assertEquals(0, model.closed.getCount(), "the failed model was closed");
    }

    @Test
    void aStalledModelIsAbandonedItsThreadInterruptedAndReplaced() {
        List<FakeGenerator> made = new ArrayList<>();
        Source source = new Source(() -> {
            FakeGenerator stalling = new FakeGenerator("stalling", 200, FakeGenerator.Behaviour.STALL, 2);
            synchronized (made) {
                made.add(stalling);
            }
            return stalling;
        });
        GeneratorWorker worker = start(source, cppn(), FAST);
        camera(worker, true);
        await(worker, () -> worker.stats().failures() >= 1, () -> "the stall to be detected");
        FakeGenerator first;
        synchronized (made) {
            first = made.getFirst();
        }
        await(worker, () -> first.interrupted.getCount() == 0, () -> "the stalled thread to be interrupted");
        int before = framesSeen;
        await(worker, () -> framesSeen >= before + 10 && "cppn".equals(worker.stats().generator()),
                () -> "the fallback's frames on a fresh thread");
        assertTrue(worker.stats().lastError().contains("stalled"), worker.stats().lastError());
        await(worker, () -> first.closed.getCount() == 0, () -> "the abandoned model to be closed once it returned");
    }

    @Test
    void aModelThatFailsToLoadIsRetriedUntilItLoads() {
        AtomicInteger attempts = new AtomicInteger();
        FakeGenerator model = new FakeGenerator("fake", 200, FakeGenerator.Behaviour.WORK, 0);
        GeneratorSource source = () -> {
            if (attempts.incrementAndGet() <= 2) {
                throw new IOException("weights not there yet");
            }
            return model;
        };
        GeneratorWorker worker = start(source, cppn(), FAST);
        camera(worker, true);
        await(worker, () -> "cppn".equals(worker.stats().generator()), () -> "the fallback while loading");
        await(worker, () -> "fake".equals(worker.stats().generator()) && worker.stats().status() == WorkerStatus.RUNNING,
                () -> "the model once it loads");
        assertEquals(3, attempts.get());
        assertEquals(2, worker.stats().failures());
    }

    @Test
    void aRequestedReloadOpensTheModelAgainAndHandsOverWhenReady() {
        FakeGenerator before = new FakeGenerator("before", 60, FakeGenerator.Behaviour.WORK, 0);
        FakeGenerator after = new FakeGenerator("after", 200, FakeGenerator.Behaviour.WORK, 0);
        Source source = new Source(List.of(() -> before, () -> after));
        GeneratorWorker worker = start(source, cppn(), FAST);
        camera(worker, true);
        await(worker, () -> "before".equals(worker.stats().generator()), () -> "the first model");

        worker.reload();
        await(worker, () -> "after".equals(worker.stats().generator()) && lastFrame != null
                && (lastFrame.pixels().get(0) & 0xFF) == 200, () -> "the reloaded model's images");
        assertEquals(2, source.opens.get(), "the model was opened once more");
        assertEquals(0, before.closed.getCount(), "the replaced model was closed");
        assertEquals(0, worker.stats().failures(), "a reload is not a failure");
        assertEquals(WorkerStatus.RUNNING, worker.stats().status());
    }

    @Test
    void runningOutOfMemoryIsAFailureLikeAnyOther() {
        FakeGenerator model = new FakeGenerator("fake", 200, FakeGenerator.Behaviour.OUT_OF_MEMORY, 2);
        GeneratorWorker worker = start(new Source(() -> model), cppn(), FAST);
        camera(worker, true);
        await(worker, () -> "cppn".equals(worker.stats().generator()) && worker.stats().failures() >= 1,
                () -> "the fallback after the out-of-memory error");
        assertTrue(worker.stats().lastError().contains("Failed to allocate"), worker.stats().lastError());
    }

    @Test
    void aStaticSceneIsNotGeneratedAgain() {
        FakeGenerator model = new FakeGenerator("fake", 200, FakeGenerator.Behaviour.WORK, 0);
        GeneratorWorker worker = start(new Source(() -> model), cppn(), FAST.withSimilarityThreshold(0.01f));
        await(worker, () -> model.calls.get() >= 1, () -> "the model's first image (no camera yet)");
        int callsBefore = model.calls.get();
        camera(worker, false); // the same scene with sensor noise
        await(worker, () -> worker.stats().similaritySkips() >= 30, () -> "skipped static frames");
        WorkerStats stats = worker.stats();
        assertTrue(model.calls.get() <= callsBefore + 1, "one image of the static scene, then skips");
        assertTrue(stats.similaritySkipRatio() > 0.5, "skip ratio " + stats.similaritySkipRatio());

        GenerationParams moved = new GenerationParams().strength(0.25f);
        worker.params().publish(moved);
        await(worker, () -> model.lastStrength == 0.25f, () -> "new params to be generated despite the static scene");
    }

    @Test
    void aGeneratorWhoseImagesComeOutLateIsCalledUntilTheStillSceneHasComeOut() {
        FakeGenerator model = new FakeGenerator("stream", 200, FakeGenerator.Behaviour.WORK, 0);
        model.behind = 2;
        GeneratorWorker worker = start(new Source(() -> model), cppn(), FAST.withSimilarityThreshold(0.01f));
        await(worker, () -> model.calls.get() >= 1, () -> "the model's first image (no camera yet)");
        int callsBefore = model.calls.get();
        camera(worker, false);
        await(worker, () -> worker.stats().similaritySkips() >= 30, () -> "skipped static frames");
        assertEquals(callsBefore + 3, model.calls.get(),
                "the static scene's first image, then two more calls for the two images the stream held, then skips");
    }

    @Test
    void paramsReachTheGeneratorWithoutACamera() {
        FakeGenerator model = new FakeGenerator("fake", 200, FakeGenerator.Behaviour.WORK, 0);
        GeneratorWorker worker = start(new Source(() -> model), cppn(), FAST);
        await(worker, () -> worker.stats().status() == WorkerStatus.RUNNING, () -> "the model");
        for (int i = 1; i <= 5; i++) {
            float strength = i / 10f;
            worker.params().publish(new GenerationParams().strength(strength));
            await(worker, () -> model.lastStrength == strength, () -> "strength " + strength);
        }
    }

    @Test
    void aWorkerForASpecServesTheFallbackWhileItsModelIsMissing(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("later.onnx");
        ModelSpec spec = ModelSpec.of(model.toString()).withSize(24, 16).withThreads(1, 1).withStrength(0.3f);
        GeneratorWorker worker = GeneratorWorker.forSpec("spec", spec, FAST);
        cleanup.add(worker);
        worker.start();
        await(worker, () -> framesSeen > 0 && lastFrame.width() == 24 && worker.stats().failures() >= 1,
                () -> "the CPPN at the spec's size");
        assertEquals("cppn", worker.stats().generator());
        assertTrue(worker.stats().lastError().contains("model not found: " + model), worker.stats().lastError());

        TinyModels.imageToImage(model, 0, 0); // the artist copies the model in during the show
        await(worker, () -> "later.onnx".equals(worker.stats().generator()), () -> "the model, once it is there");
        assertEquals(WorkerStatus.RUNNING, worker.stats().status());
    }

    @Test
    void closingStopsTheThreadsAndClosesTheGenerators() {
        FakeGenerator model = new FakeGenerator("fake", 200, FakeGenerator.Behaviour.WORK, 0);
        GeneratorWorker worker = new GeneratorWorker("closing", new Source(() -> model), cppn(), FAST);
        worker.start();
        await(worker, () -> worker.stats().status() == WorkerStatus.RUNNING && framesSeen > 0, () -> "the model");
        worker.close();
        assertEquals(WorkerStatus.STOPPED, worker.stats().status());
        assertEquals(0, model.closed.getCount());
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("liquide-gen-closing")
                && t.isAlive() && !t.getName().endsWith("watchdog") && !t.getName().endsWith("loader")));
        worker.close();
    }

    @Test
    void closingTellsTheCameraToStopAndFreeTheInput() {
        List<Boolean> released = new java.util.concurrent.CopyOnWriteArrayList<>();
        GeneratorWorker worker = start(cppn(), cppn(), FAST);
        worker.inputProducedBy(released::add);
        Camera camera = camera(worker, true);
        await(worker, () -> framesSeen > 2, () -> "frames from the camera");
        camera.close();
        worker.close();
        worker.close();
        assertEquals(List.of(true), released, "told once, and allowed to free the input: no generator thread reads it");
    }

    @Test
    void aModelHungAtCloseKeepsTheInputAndClosesTheModelsWhenItReturns() throws Exception {
        FakeGenerator hung = new FakeGenerator("hung", 200, FakeGenerator.Behaviour.HANG, 1);
        FakeGenerator fallback = new FakeGenerator("fallback", 100, FakeGenerator.Behaviour.WORK, 0);
        List<Boolean> released = new java.util.concurrent.CopyOnWriteArrayList<>();
        GeneratorWorker worker = new GeneratorWorker("hung", new Source(() -> hung), new Source(() -> fallback),
                FAST.withStallTimeout(Duration.ofSeconds(30)));
        worker.inputProducedBy(released::add);
        worker.start();
        Camera camera = camera(worker, true);
        await(worker, () -> hung.calls.get() >= 2, () -> "the model to hang");
        worker.close();
        assertEquals(List.of(false), released, "the camera stops writing but frees nothing: the hung call may still read its frame");
        assertEquals(1, hung.closed.getCount(), "a model still running is not closed under its feet");
        camera.close();

        hung.unhang.countDown();
        assertTrue(hung.closed.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "the model closed once its call returned");
        assertTrue(fallback.closed.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "and the fallback with it");
    }
}
