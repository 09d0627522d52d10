package org.liquide.bench;

import org.liquide.render.Compositor;
import org.liquide.render.FrameClock;
import org.liquide.render.FrameContent;
import org.liquide.render.FrameObserver;
import org.liquide.render.OutputSettings;
import org.liquide.render.RenderLoop;
import org.liquide.render.gl.Framebuffer;

import java.util.concurrent.TimeUnit;

import static org.lwjgl.opengl.GL11C.glFinish;

/**
 * Measures a render loop in windows that alternate with another renderer's on the same machine: after a
 * warm-up the loop is held at a gate at the start of its next frame; each {@link #measureWindow} opens
 * the gate, counts the frames composited in about the window's length (ended by {@code glFinish}, so
 * the frames are finished on the GPU, not only queued) and holds the loop again. While it is held, the
 * loop uses no CPU, so the other renderer's window has the machine to itself.
 */
final class GatedWindows implements FrameObserver {
    private static final int WARMING = 0;
    private static final int HELD = 1;
    private static final int ARMED = 2;
    private static final int MEASURING = 3;

    private final long warmUpNanos;
    private final long windowNanos;
    private final Object lock = new Object();
    private boolean open = true;
    private boolean signalled;
    private volatile int state = WARMING;
    private long firstNanos;
    private long windowStart;
    private int frames;
    private volatile double lastFramesPerSecond;

    GatedWindows(double warmUpSeconds, double windowSeconds) {
        this.warmUpNanos = (long) (warmUpSeconds * 1e9);
        this.windowNanos = (long) (windowSeconds * 1e9);
    }

    /** The content, held at the gate at the start of each frame while the gate is shut. */
    FrameContent.Factory gated(FrameContent.Factory factory) {
        return (width, height) -> {
            FrameContent inner = factory.create(width, height);
            return new FrameContent() {
                @Override
                public Framebuffer render(FrameClock clock, Compositor compositor) {
                    passGate();
                    return inner.render(clock, compositor);
                }

                @Override
                public void close() {
                    inner.close();
                }
            };
        };
    }

    private void passGate() {
        synchronized (lock) {
            while (!open) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void frameComposited(FrameClock clock, Framebuffer frame) {
        long now = System.nanoTime();
        switch (state) {
            case WARMING -> {
                if (firstNanos == 0) {
                    firstNanos = now;
                }
                if (now - firstNanos >= warmUpNanos) {
                    glFinish();
                    hold();
                }
            }
            case ARMED -> {
                glFinish();
                windowStart = System.nanoTime();
                frames = 0;
                state = MEASURING;
            }
            case MEASURING -> {
                frames++;
                if (now - windowStart >= windowNanos) {
                    glFinish();
                    lastFramesPerSecond = frames / ((System.nanoTime() - windowStart) / 1e9);
                    hold();
                }
            }
            default -> {
                // HELD: a frame that had passed the gate before it shut; not counted.
            }
        }
    }

    private void hold() {
        synchronized (lock) {
            state = HELD;
            open = false;
            signalled = true;
            lock.notifyAll();
        }
    }

    /** Waits until the warm-up is over and the loop is held. */
    void awaitWarm(RenderLoop loop, double timeoutSeconds) throws InterruptedException {
        awaitSignal(loop, timeoutSeconds);
    }

    /** Lets the loop run one window; returns its frames per second. The loop is held again on return. */
    double measureWindow(RenderLoop loop, double timeoutSeconds) throws InterruptedException {
        synchronized (lock) {
            signalled = false;
            state = ARMED;
            open = true;
            lock.notifyAll();
        }
        awaitSignal(loop, timeoutSeconds);
        return lastFramesPerSecond;
    }

    private void awaitSignal(RenderLoop loop, double timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
        synchronized (lock) {
            while (!signalled) {
                lock.wait(20);
                if (!signalled && loop.awaitFinished(0, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the render loop ended"
                            + (loop.failure() == null ? "" : ": " + loop.failure()), loop.failure());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no window after " + Stats.number(timeoutSeconds)
                            + " s (frames rendered: " + loop.framesRendered() + ")");
                }
            }
        }
    }

    /**
     * Starts a render loop of this content, offscreen, held at the gate by new windows of these lengths;
     * the loop starts warming up at once.
     */
    static Running start(OutputSettings settings, FrameContent.Factory content, double warmUpSeconds,
                         double windowSeconds) {
        GatedWindows gate = new GatedWindows(warmUpSeconds, windowSeconds);
        RenderLoop loop = new RenderLoop(settings, gate.gated(content));
        loop.addObserver(gate);
        loop.start();
        return new Running(gate, loop, 120 + 10 * (warmUpSeconds + windowSeconds));
    }

    /** A render loop measured in gated windows; closing it stops the loop and reports how it failed, if it did. */
    static final class Running implements AutoCloseable {
        private final GatedWindows gate;
        private final RenderLoop loop;
        private final double timeoutSeconds;

        private Running(GatedWindows gate, RenderLoop loop, double timeoutSeconds) {
            this.gate = gate;
            this.loop = loop;
            this.timeoutSeconds = timeoutSeconds;
        }

        void awaitWarm() throws InterruptedException {
            gate.awaitWarm(loop, timeoutSeconds);
        }

        /** One window; frames per second. */
        double measureWindow() throws InterruptedException {
            return gate.measureWindow(loop, timeoutSeconds);
        }

        @Override
        public void close() {
            loop.stop();
            gate.release();
            try {
                loop.awaitFinished(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (loop.failure() != null) {
                throw new IllegalStateException("render loop failed: " + loop.failure(), loop.failure());
            }
        }
    }

    /** Opens the gate for good (before stopping the loop, so that it can reach its end). */
    void release() {
        synchronized (lock) {
            state = HELD;
            open = true;
            lock.notifyAll();
        }
    }
}
