package org.liquide.sketch;

import org.liquide.frame.FrameSlot;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.GenerationParams;
import org.liquide.handoff.LatestSlot;
import org.liquide.handoff.LoopThread;
import org.liquide.signal.SignalBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import processing.awt.PGraphicsJava2D;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one sketch on its own thread: draws it offscreen with Processing's JAVA2D renderer at its frame
 * rate and publishes each frame (BGRA, as Processing's ARGB ints lie in memory) into a latest-wins
 * slot for the render thread. A sketch that throws keeps its last good frame; the error is logged once
 * per distinct message. {@link #replace} swaps in a recompiled sketch between two frames.
 */
public final class SketchRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SketchRunner.class);

    private final String name;
    private final int width;
    private final int height;
    private final long periodNanos;
    private final SignalBus bus;
    private final LatestSlot<GenerationParams> params;
    private final java.util.List<String> prompts;
    private final FrameSlot output = new FrameSlot();
    private final LoopThread thread;
    private volatile Sketch pending;
    private volatile long framesDrawn;
    private volatile String lastError = "";
    private Sketch sketch;
    private PGraphicsJava2D graphics;

    /**
     * @param params  the scene's generation parameters, published by the render thread (may be null)
     * @param prompts the scene generator's prompts
     */
    public SketchRunner(String name, Sketch sketch, int width, int height, double framesPerSecond, SignalBus bus,
                        LatestSlot<GenerationParams> params, java.util.List<String> prompts) {
        this.prompts = java.util.List.copyOf(prompts);
        this.name = name;
        this.width = width;
        this.height = height;
        this.periodNanos = (long) (1e9 / framesPerSecond);
        this.bus = bus;
        this.params = params;
        this.pending = sketch;
        this.thread = new LoopThread("liquide-sketch-" + name, this::loop);
    }

    public SketchRunner start() {
        thread.start();
        return this;
    }

    /** Swaps in another version of the sketch (hot reload); it is set up before its first frame. */
    public void replace(Sketch next) {
        pending = next;
    }

    /** Frames drawn so far. */
    public long framesDrawn() {
        return framesDrawn;
    }

    public String lastError() {
        return lastError;
    }

    /** Where frames arrive for the render thread. */
    public FrameSlot output() {
        return output;
    }

    private void loop() {
        long start = System.nanoTime();
        long next = start;
        int frame = 0;
        while (thread.running()) {
            Sketch incoming = pending;
            if (incoming != null && incoming != sketch) {
                install(incoming);
            }
            if (sketch != null) {
                GenerationParams latest = params == null ? null : params.takeLatest();
                sketch.advance((System.nanoTime() - start) / 1e9, ++frame, latest);
                drawOnce();
            }
            next += periodNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime();
            }
        }
        output.free();
    }

    private void install(Sketch incoming) {
        PGraphicsJava2D g = new SketchGraphics();
        g.setParent(incoming);
        g.setPrimary(false);
        g.setSize(width, height);
        incoming.g = g;
        incoming.width = width;
        incoming.height = height;
        incoming.pixelWidth = width;
        incoming.pixelHeight = height;
        incoming.attach(bus, prompts);
        try {
            g.beginDraw();
            incoming.setup();
            g.endDraw();
            sketch = incoming;
            graphics = g;
            lastError = "";
        } catch (RuntimeException e) {
            report(e);
        } finally {
            pending = sketch;
        }
    }

    private void drawOnce() {
        try {
            graphics.beginDraw();
            sketch.draw();
            graphics.endDraw();
            graphics.loadPixels();
        } catch (RuntimeException e) {
            report(e);
            return;
        }
        VideoFrame frame = output.writable();
        ByteBuffer target = frame.reshape(width, height, width * 4, PixelFormat.BGRA32);
        target.order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(graphics.pixels, 0, width * height);
        frame.setCaptureNanos(System.nanoTime());
        frame.setSequence(++framesDrawn);
        output.publish();
    }

    private void report(RuntimeException e) {
        String message = e.toString();
        if (!message.equals(lastError)) {
            lastError = message;
            LOG.warn("sketch {}: {} (the last good frame stays up)", name, message, e);
        }
    }

    @Override
    public void close() {
        thread.stop(2_000);
    }
}
