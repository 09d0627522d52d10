package org.liquide.render;

import org.liquide.render.gl.FrameReadback;
import org.liquide.render.gl.Framebuffer;
import org.liquide.render.gl.GlContext;
import org.liquide.render.output.Displays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.lwjgl.opengl.GL11C.glFlush;

/**
 * The render thread. It owns the OpenGL context and every GL object; each frame it lets the content
 * update its sources and composite, shows the result (window) or keeps it (offscreen), records frame
 * times and paces itself. It never waits on a camera, a model, a broker, a disk or the web: those meet
 * it through latest-wins slots.
 */
public final class RenderLoop {
    private static final Logger LOG = LoggerFactory.getLogger(RenderLoop.class);
    /** Frame rate while the content is idle (asleep): enough for the heartbeat and window events. */
    private static final double IDLE_FRAMES_PER_SECOND = 4;

    private final OutputSettings settings;
    private final FrameContent.Factory contentFactory;
    private final FrameTimes frameTimes;
    private final FrameClock clock = new FrameClock();
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicReference<Consumer<BufferedImage>> readbackRequest = new AtomicReference<>();
    private volatile FrameObserver[] observers = new FrameObserver[0];
    private volatile boolean running = true;
    /**
     * Frames count towards the frame limit from the first one with something on stage, or after this long
     * without (a show whose scenes are all refused still stops).
     */
    private static final long NOTHING_SHOWN_NANOS = 30_000_000_000L;
    private volatile long framesRendered;
    private volatile long lastFrameNanos;
    private volatile String outputDescription = "";
    private volatile boolean presentsToScreen;
    private volatile Throwable failure;
    private volatile BufferedImage lastFrame;
    private volatile boolean keepLastFrame;
    private volatile Displays displays;

    public RenderLoop(OutputSettings settings, FrameContent.Factory contentFactory) {
        this.settings = settings;
        this.contentFactory = contentFactory;
        this.frameTimes = new FrameTimes(settings.statsWindowSeconds());
        this.thread = Thread.ofPlatform().name("liquide-render").unstarted(this::run);
    }

    public synchronized RenderLoop start() {
        if (!running) {
            throw new IllegalStateException("the render loop was stopped before it started");
        }
        thread.start();
        return this;
    }

    /** Adds an observer told of every composited frame, on the render thread. */
    public synchronized void addObserver(FrameObserver observer) {
        FrameObserver[] grown = Arrays.copyOf(observers, observers.length + 1);
        grown[grown.length - 1] = observer;
        observers = grown;
    }

    /** Reads the final frame back from the GPU when the loop ends, for {@link #lastFrame()}. */
    public RenderLoop keepLastFrame() {
        this.keepLastFrame = true;
        return this;
    }

    /**
     * Asks for the next composited frame as an image; the callback runs on the render thread right
     * after the readback and must hand the image to another thread for anything slow (encoding, disk).
     */
    public void requestReadback(Consumer<BufferedImage> callback) {
        readbackRequest.set(callback);
    }

    public synchronized void stop() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            finished.countDown(); // never started: nothing to wait for
        }
    }

    /** Waits until the loop has drawn its first frame or failed. Returns false on timeout. */
    public boolean awaitRunning(long timeout, TimeUnit unit) throws InterruptedException {
        return ready.await(timeout, unit);
    }

    /** Waits until the loop has ended (frame limit, window closed, stop or failure). */
    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    public Thread thread() {
        return thread;
    }

    public long framesRendered() {
        return framesRendered;
    }

    /** {@link System#nanoTime()} when the last frame started: the render heartbeat. */
    public long lastFrameNanos() {
        return lastFrameNanos;
    }

    public String outputDescription() {
        return outputDescription;
    }

    public boolean presentsToScreen() {
        return presentsToScreen;
    }

    public FrameTimes frameTimes() {
        return frameTimes;
    }

    /** The showcase's displays once the loop runs (null without display setups, or before the first frame). */
    public Displays displays() {
        return displays;
    }

    /** Why the loop ended early, or null. */
    public Throwable failure() {
        return failure;
    }

    /** The last frame, when {@link #keepLastFrame()} was asked and the loop has finished. */
    public BufferedImage lastFrame() {
        return lastFrame;
    }

    private void run() {
        try (GlContext context = OutputContexts.open(settings)) {
            outputDescription = context.description();
            presentsToScreen = context.presentsToScreen();
            try (Compositor compositor = new Compositor(settings.width(), settings.height());
                 FrameContent content = contentFactory.create(settings.width(), settings.height())) {
                loop(context, compositor, content);
            }
        } catch (Throwable t) {
            failure = t;
            LOG.error("render loop failed", t);
        } finally {
            ready.countDown();
            finished.countDown();
        }
    }

    private void loop(GlContext context, Compositor compositor, FrameContent content) {
        Displays displays = settings.displays().isEmpty() ? null : new Displays(settings.displays(), context);
        this.displays = displays;
        WindowPresenter presenter = displays == null && context.presentsToScreen() ? new WindowPresenter(context) : null;
        FramePacer pacer = new FramePacer(context.presentsToScreen() ? 0 : settings.offscreenFps());
        FramePacer idlePacer = new FramePacer(IDLE_FRAMES_PER_SECOND);
        long maxFrames = settings.maxFrames();
        long loopStart = System.nanoTime();
        long framesCounted = 0;
        Framebuffer frame = null;
        while (running && !context.closeRequested() && (maxFrames == 0 || framesCounted < maxFrames)) {
            long start = System.nanoTime();
            lastFrameNanos = start;
            clock.advance(start);
            frame = content.render(clock, compositor);
            FrameObserver[] current = observers;
            for (FrameObserver observer : current) {
                observer.frameComposited(clock, frame);
            }
            Consumer<BufferedImage> readback = readbackRequest.getAndSet(null);
            if (readback != null) {
                readback.accept(FrameReadback.read(frame));
            }
            if (displays != null) {
                displays.present(frame);
            } else if (presenter != null) {
                presenter.present(frame);
            } else {
                glFlush();
            }
            frameTimes.record(start, System.nanoTime() - start);
            framesRendered++;
            if (content.showing() || start - loopStart > NOTHING_SHOWN_NANOS) {
                framesCounted++;
            }
            if (framesRendered == 1) {
                ready.countDown();
            }
            if (content.idle()) {
                idlePacer.waitForNextFrame();
            } else {
                pacer.waitForNextFrame();
            }
        }
        if (keepLastFrame && frame != null) {
            lastFrame = FrameReadback.read(frame);
        }
        if (displays != null) {
            displays.close();
        }
    }
}
