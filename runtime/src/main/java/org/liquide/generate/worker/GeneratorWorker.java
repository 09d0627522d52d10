package org.liquide.generate.worker;

import org.liquide.retry.Backoff;
import org.liquide.frame.FrameSlot;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.GenerationParams;
import org.liquide.generate.factory.GeneratorFactory;
import org.liquide.generate.ImageGenerator;
import org.liquide.generate.ModelSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one generator on its own thread, between three latest-wins handoffs: the camera publishes into
 * {@link #input()}, the show publishes steering values into {@link #params()}, the renderer takes images
 * from {@link #output()}. Nothing here ever makes those threads wait.
 *
 * <p>Each output frame's {@link VideoFrame#captureNanos()} is the capture time of the input it was made
 * from (or when generation started, without a camera), so the renderer can measure capture-to-screen
 * latency.
 *
 * <p>Failure is expected: a model that fails to load, throws, runs out of memory or stalls (a generate
 * call over {@link WorkerConfig#stallTimeout()}) is marked failed; the fallback (the built-in CPPN) takes
 * over at once, the failure is logged once, and the model is reloaded later with backoff, forever. A
 * stalled thread is interrupted, abandoned with the model it was running, and replaced: the output never
 * stops for longer than a frame or so. Only {@link #stats()} tells.
 */
public final class GeneratorWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GeneratorWorker.class);
    private static final long IDLE_PARK_NANOS = 2_000_000L;
    private static final double LATENCY_SMOOTHING = 0.1;

    private final String name;
    private final GeneratorSource primarySource;
    private final GeneratorSource fallbackSource;
    private final WorkerConfig config;
    private final FrameSlot input = new FrameSlot();
    private final FrameSlot output = new FrameSlot();
    private final ParamsHandoff params = new ParamsHandoff();
    private final Backoff retry;
    private final Backoff fallbackRetry;
    private final ScheduledExecutorService supervisor;
    private final ScheduledExecutorService loader;
    /** A freshly loaded model, waiting for the runner to adopt it. */
    private final AtomicReference<ImageGenerator> loaded = new AtomicReference<>();
    /** The generate call in flight, for the watchdog. */
    private final AtomicReference<Call> inFlight = new AtomicReference<>();
    private final RateMeter frames = new RateMeter();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong runnerCount = new AtomicLong();
    /** Set by whoever closes the generators once the worker is closed: close() or a runner that came back late. */
    private final java.util.concurrent.atomic.AtomicBoolean generatorsReleased = new java.util.concurrent.atomic.AtomicBoolean();

    // Owned by the current runner thread; handed to the next one by the watchdog only after the previous
    // runner is abandoned (inFlight's compare-and-set orders those accesses).
    private ImageGenerator primary;
    private ImageGenerator fallback;
    private long fallbackRetryAt;
    private long outputSequence;

    /** The next load scheduled (a retry after backoff, or a requested reload), guarded by this. */
    private ScheduledFuture<?> pendingLoad;
    private volatile Runner runner;
    private volatile boolean closed;
    private volatile WorkerStatus status = WorkerStatus.IDLE;
    private volatile String activeGenerator = "";
    /** Who stops writing into {@link #input} when the worker closes; null when the worker frees it itself. */
    private volatile InputRelease inputRelease;

    /** Stops the producer of a worker's input (a camera) when the worker closes. */
    @FunctionalInterface
    public interface InputRelease {
        /**
         * Stop writing into the input slot and take over its memory: free it once no write is in flight
         * when {@code mayFree}; leave it to the process otherwise (a generator thread stuck in a model may
         * still be reading it).
         */
        void release(boolean mayFree);
    }
    private volatile String activeDevice = "";
    /** The loaded model's execution provider warning (asked for a GPU, running slower), or null. */
    private volatile String deviceWarning;
    private volatile String lastError;
    private volatile String injectedFailure;
    private volatile long generatedFrames;
    private volatile long similaritySkips;
    private volatile long lastLatencyNanos;
    private volatile double meanLatencyNanos;

    /**
     * @param name           names the threads and log lines
     * @param primarySource  opens the model; called on a loader thread, again after each failure
     * @param fallbackSource opens the fallback; it should not fail (the built-in CPPN)
     */
    public GeneratorWorker(String name, GeneratorSource primarySource, GeneratorSource fallbackSource,
                           WorkerConfig config) {
        this.name = name;
        this.primarySource = primarySource;
        this.fallbackSource = fallbackSource;
        this.config = config;
        this.retry = new Backoff(config.retryInitial(), config.retryMax());
        this.fallbackRetry = new Backoff(config.retryInitial(), config.retryMax());
        this.supervisor = Executors.newSingleThreadScheduledExecutor(daemon("liquide-gen-" + name + "-watchdog"));
        this.loader = Executors.newSingleThreadScheduledExecutor(daemon("liquide-gen-" + name + "-loader"));
    }

    /**
     * A worker for a model spec: the spec's model, the built-in CPPN at the same size as fallback, and the
     * spec's strength and seed as the first parameters. Call from the thread that will publish params.
     */
    public static GeneratorWorker forSpec(String name, ModelSpec spec, WorkerConfig config) {
        GeneratorWorker worker = new GeneratorWorker(name, () -> GeneratorFactory.open(spec),
                () -> GeneratorFactory.fallback(spec), config);
        worker.params().publish(spec.initialParams());
        return worker;
    }

    /** Where the camera publishes frames for this worker (one producer thread). */
    public FrameSlot input() {
        return input;
    }

    /**
     * Declares that a producer (a camera feed) writes into {@link #input()}: when the worker closes it is
     * told to stop, and it frees the slot, instead of the worker freeing memory a producer may be writing.
     */
    public void inputProducedBy(InputRelease release) {
        this.inputRelease = release;
    }

    /** Where the show publishes steering values (one writer thread). */
    public ParamsHandoff params() {
        return params;
    }

    /** Where the renderer takes generated RGB24 frames: {@code output().takeLatest()} (one consumer thread). */
    public FrameSlot output() {
        return output;
    }

    /** Starts generating (the fallback at once) and loading the model. */
    public synchronized void start() {
        if (runner != null || closed) {
            throw new IllegalStateException("worker " + name + " already started or closed");
        }
        status = WorkerStatus.LOADING;
        scheduleLoad(0);
        supervisor.scheduleAtFixedRate(this::watch, watchPeriodNanos(), watchPeriodNanos(), TimeUnit.NANOSECONDS);
        startRunner();
    }

    /**
     * Loads the model again now, for a technician who copied new weights or wants a stuck model replaced:
     * the model running now (or the fallback) keeps generating until the new one is ready, then hands over.
     * A reload already waiting (a retry after a failure) is replaced by this one. Any thread.
     */
    public void reload() {
        if (closed) {
            return;
        }
        LOG.info("{}: reloading the model on request", name);
        retry.reset();
        scheduleLoad(0);
    }

    /**
     * Makes the model's next generate call fail as a crash inside it would (endurance runs inject faults
     * this way): the fallback takes over, the failure is counted and the model is reloaded with backoff.
     * Any thread.
     */
    public void failNextGeneration(String reason) {
        injectedFailure = reason;
    }

    /** A consistent-enough snapshot, built from volatile fields: safe from any thread, no locks. */
    public WorkerStats stats() {
        long now = System.nanoTime();
        long generated = generatedFrames;
        long skips = similaritySkips;
        return new WorkerStats(status, activeGenerator, activeDevice, frames.perSecond(now),
                lastLatencyNanos / 1e6, meanLatencyNanos / 1e6, generated, input.overwrittenCount(), skips,
                generated + skips == 0 ? 0 : (double) skips / (generated + skips), failures.get(), lastError,
                deviceWarning);
    }

    /**
     * Stops the threads and releases the generators and frames. The renderer must not use frames from
     * {@link #output()} afterwards. A runner stuck in a model is abandoned, not waited for.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        status = WorkerStatus.STOPPED;
        supervisor.shutdownNow();
        loader.shutdownNow();
        Runner current = runner;
        boolean exited = true;
        if (current != null) {
            current.thread.interrupt();
            try {
                current.thread.join(TimeUnit.NANOSECONDS.toMillis(config.stallTimeout().toNanos()) + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exited = !current.thread.isAlive();
        }
        closeQuietly(loaded.getAndSet(null));
        if (exited) {
            releaseGenerators();
            releaseInput(true);
            output.free();
        } else {
            releaseInput(false);
            LOG.warn("{}: generator thread still inside {}; it closes its models when it returns, its frames are"
                    + " left to the process", name, activeGenerator);
        }
    }

    /** Closes the models once, from close() or from the current runner leaving after close(). */
    private void releaseGenerators() {
        if (generatorsReleased.compareAndSet(false, true)) {
            closeQuietly(primary);
            closeQuietly(fallback);
        }
    }

    private void releaseInput(boolean mayFree) {
        InputRelease release = inputRelease;
        if (release != null) {
            release.release(mayFree);
        } else if (mayFree) {
            input.free();
        }
    }

    private void startRunner() {
        Runner next = new Runner(runnerCount.incrementAndGet(), runner);
        runner = next;
        next.thread.start();
    }

    // ---------------------------------------------------------------------------------------------------
    // Loading and retrying the model (loader thread)

    private synchronized void scheduleLoad(long delayNanos) {
        if (pendingLoad != null) {
            pendingLoad.cancel(false);
        }
        try {
            pendingLoad = loader.schedule(this::load, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: nothing to retry for.
        }
    }

    private void load() {
        if (closed) {
            return;
        }
        try {
            ImageGenerator generator = primarySource.open();
            if (closed) {
                closeQuietly(generator);
                return;
            }
            closeQuietly(loaded.getAndSet(generator));
            deviceWarning = generator.provider().warning();
            if (deviceWarning != null) {
                LOG.warn("{}: {} loaded on {} instead of the device asked for: {}", name, generator.name(),
                        generator.device(), deviceWarning);
            } else {
                LOG.info("{}: {} loaded on {}", name, generator.name(), generator.provider().summary());
            }
        } catch (Throwable e) {
            fail("load", e);
        }
    }

    /** Records a model failure and schedules the reload. Logs at warning level once per failure streak. */
    private void fail(String what, Throwable e) {
        failures.incrementAndGet();
        String message = what + ": " + describe(e);
        boolean firstOfStreak = status != WorkerStatus.FALLBACK;
        lastError = message;
        if (!closed) {
            status = WorkerStatus.FALLBACK;
        }
        long delay = retry.nextDelayNanos();
        if (firstOfStreak) {
            LOG.warn("{}: model failed ({}); generating with the fallback, retrying in {} s", name, message,
                    delay / 1_000_000_000.0);
            LOG.debug("{}: failure detail", name, e);
        } else {
            LOG.debug("{}: model failed again ({}); next retry in {} s", name, message, delay / 1_000_000_000.0);
        }
        scheduleLoad(delay);
    }

    // ---------------------------------------------------------------------------------------------------
    // Stall detection (supervisor thread)

    private long watchPeriodNanos() {
        return Math.max(1_000_000L, Math.min(config.stallTimeout().toNanos() / 4, 250_000_000L));
    }

    private void watch() {
        Call call = inFlight.get();
        if (call == null || closed || System.nanoTime() - call.startNanos < config.stallTimeout().toNanos()) {
            return;
        }
        if (!inFlight.compareAndSet(call, null)) {
            return; // it finished just now
        }
        // The runner is now abandoned: it exits without touching the worker when (if) its call returns.
        call.runner.thread.interrupt();
        String what = "stalled: " + call.generator.name() + " generate() ran over "
                + config.stallTimeout().toMillis() + " ms";
        if (call.primary) {
            primary = null;
            fail("generate", new IllegalStateException(what));
        } else {
            fallback = null;
            LOG.warn("{}: fallback {}", name, what);
        }
        startRunner();
    }

    // ---------------------------------------------------------------------------------------------------
    // Generating (runner thread)

    /** One generate call: who runs it, on what, since when. */
    private record Call(Runner runner, ImageGenerator generator, boolean primary, long startNanos) {
    }

    private final class Runner implements Runnable {
        private final Thread thread;
        private final VideoFrame frame = new VideoFrame();
        private final VideoFrame result = new VideoFrame();
        private final GenerationParams current = new GenerationParams();
        private final GenerationParams generatedWith = new GenerationParams();
        private final SimilarityFilter similarity = new SimilarityFilter(config.similarityThreshold());
        /** Calls still owed to a generator whose images come out late, once the camera stops moving. */
        private int flushesLeft;
        private boolean generatedOnce;
        private boolean retryNow;
        private long lastStart;

        /**
         * A runner replacing {@code previous} (abandoned inside a generate call, which only reads its frame
         * and params) starts from the same input and params, so the output continues without waiting for
         * the camera.
         */
        Runner(long number, Runner previous) {
            this.thread = new Thread(this, "liquide-gen-" + name + (number > 1 ? "-" + number : ""));
            this.thread.setDaemon(true);
            if (previous != null) {
                if (!previous.frame.isEmpty()) {
                    frame.copyFrom(previous.frame);
                }
                current.copyFrom(previous.current);
            }
        }

        @Override
        public void run() {
            try {
                // Opened before it is needed, so a failing model is replaced within a frame.
                fallback();
                while (!closed && runner == this) {
                    if (!step()) {
                        return; // abandoned
                    }
                }
            } finally {
                frame.free();
                result.free();
                if (closed && runner == this) {
                    releaseGenerators(); // close() may have given up waiting for this thread
                }
            }
        }

        /** One turn of the loop; false when this runner has been abandoned. */
        private boolean step() {
            adoptLoadedModel();
            waitForFrameBudget();
            boolean newInput = takeInput();
            boolean newParams = params.takeInto(current);
            boolean paramsChanged = newParams && !sameParams(current, generatedWith);
            boolean mustGenerate = !generatedOnce || retryNow || paramsChanged;
            if (!newInput && !mustGenerate) {
                LockSupport.parkNanos(IDLE_PARK_NANOS);
                return true;
            }
            boolean similar = similarity.similar(frame);
            if (similar && !mustGenerate) {
                if (flushesLeft == 0) {
                    similaritySkips++;
                    return true;
                }
                flushesLeft--; // the still image again, to bring out the images a stream still holds
            }
            ImageGenerator generator = primary != null ? primary : fallback();
            if (generator == null) {
                retryNow = true; // nothing can generate now; this input and these params still count
                LockSupport.parkNanos(IDLE_PARK_NANOS);
                return true;
            }
            boolean isPrimary = generator == primary;
            retryNow = false;
            long start = System.nanoTime();
            lastStart = start;
            Call call = new Call(this, generator, isPrimary, start);
            inFlight.set(call);
            Throwable failure = null;
            String injected = isPrimary ? injectedFailure : null;
            try {
                if (injected != null) {
                    injectedFailure = null;
                    throw new IllegalStateException(injected);
                }
                generator.generate(frame, current, result);
            } catch (Throwable e) {
                failure = e;
            }
            if (!inFlight.compareAndSet(call, null)) {
                closeQuietly(generator); // the watchdog gave up on this call and on this generator
                return false;
            }
            if (failure != null) {
                handleFailure(generator, isPrimary, failure);
                return true;
            }
            long end = System.nanoTime();
            if (!similar || mustGenerate) {
                flushesLeft = generator.imagesBehind();
            }
            publish(generator, start, end);
            if (isPrimary) {
                retry.reset();
            }
            return true;
        }

        private void adoptLoadedModel() {
            ImageGenerator fresh = loaded.getAndSet(null);
            if (fresh != null) {
                closeQuietly(primary);
                primary = fresh;
                status = WorkerStatus.RUNNING;
                retryNow = true; // show the model's first image without waiting for the camera to move
            }
        }

        private boolean takeInput() {
            VideoFrame latest = input.takeLatest();
            if (latest == null || latest.isEmpty()) {
                return false;
            }
            frame.copyFrom(latest);
            return true;
        }

        private void waitForFrameBudget() {
            if (config.maxFramesPerSecond() <= 0 || !generatedOnce) {
                return;
            }
            long due = lastStart + (long) (1e9 / config.maxFramesPerSecond());
            long wait;
            while (!closed && (wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
        }

        private ImageGenerator fallback() {
            if (fallback == null && System.nanoTime() >= fallbackRetryAt) {
                try {
                    fallback = fallbackSource.open();
                    fallbackRetry.reset();
                } catch (Throwable e) {
                    fallbackRetryAt = System.nanoTime() + fallbackRetry.nextDelayNanos();
                    LOG.error("{}: the fallback generator cannot open either: {}", name, describe(e));
                }
            }
            return fallback;
        }

        private void handleFailure(ImageGenerator generator, boolean isPrimary, Throwable failure) {
            closeQuietly(generator);
            if (isPrimary) {
                primary = null;
                fail("generate", failure);
            } else {
                fallback = null;
                LOG.error("{}: the fallback failed: {}", name, describe(failure));
            }
            retryNow = true; // the same input again, with whatever generates now
        }

        private void publish(ImageGenerator generator, long start, long end) {
            VideoFrame out = output.writable();
            out.copyFrom(result);
            out.setCaptureNanos(frame.isEmpty() ? start : frame.captureNanos());
            out.setSequence(++outputSequence);
            output.publish();
            similarity.accept();
            generatedWith.copyFrom(current);
            generatedOnce = true;
            long latency = end - start;
            lastLatencyNanos = latency;
            meanLatencyNanos = meanLatencyNanos == 0 ? latency
                    : meanLatencyNanos + LATENCY_SMOOTHING * (latency - meanLatencyNanos);
            generatedFrames++;
            frames.mark(end);
            activeGenerator = generator.name();
            activeDevice = generator.device();
        }
    }

    private static boolean sameParams(GenerationParams a, GenerationParams b) {
        return Arrays.equals(a.latent(), b.latent()) && a.strength() == b.strength()
                && a.promptBlend() == b.promptBlend() && a.seed() == b.seed() && a.cameraMix() == b.cameraMix();
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return root == e ? text : text + " (" + root + ")";
    }

    private void closeQuietly(ImageGenerator generator) {
        if (generator == null) {
            return;
        }
        try {
            generator.close();
        } catch (Throwable e) {
            LOG.debug("{}: closing {} failed", name, generator.name(), e);
        }
    }

    private static ThreadFactory daemon(String threadName) {
        return task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        };
    }
}
