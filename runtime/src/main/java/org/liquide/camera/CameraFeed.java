package org.liquide.camera;

import org.liquide.frame.FramePool;
import org.liquide.frame.FrameSlot;
import org.liquide.frame.SharedFrame;
import org.liquide.frame.VideoFrame;
import org.liquide.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * One camera's capture thread. It opens the source, has it write each image once into a frame of its
 * pool and hands every subscriber's latest-wins slot (never a queue) a reference to that same frame;
 * when the source fails it marks the camera lost and reconnects with backoff forever. Each status change
 * is logged once.
 */
public final class CameraFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraFeed.class);

    private final String name;
    private final FrameSource source;
    private final boolean mirrored;
    private final Backoff backoff = new Backoff(java.time.Duration.ofMillis(250), java.time.Duration.ofSeconds(8));
    /** Two frames per subscriber (the one it reads, the one waiting for it) and the one being written. */
    private final FramePool frames = new FramePool(3);
    private final Thread thread;
    private volatile FrameSlot[] subscribers = new FrameSlot[0];
    /** Slots given up by their consumers, freed by the capture thread once it no longer writes to them. */
    private final java.util.concurrent.ConcurrentLinkedQueue<FrameSlot> retired = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile CameraStatus status = CameraStatus.CONNECTING;
    private volatile boolean running = true;
    private volatile long lastFrameNanos;
    private volatile long framesCaptured;
    private volatile long timesLost;
    private volatile String lastError = "";

    public CameraFeed(String name, FrameSource source) {
        this(name, source, false);
    }

    /** @param mirrored its picture is shown flipped left to right, as the showcase asks for a camera facing visitors */
    public CameraFeed(String name, FrameSource source, boolean mirrored) {
        this.name = name;
        this.source = source;
        this.mirrored = mirrored;
        this.thread = Thread.ofPlatform().name("liquide-camera-" + name).daemon().unstarted(this::captureLoop);
    }

    /** The feed for a spec, with the FFmpeg grabber or the test pattern behind it. */
    public static CameraFeed of(String name, CameraSpec spec) {
        return new CameraFeed(name, CameraSources.forSpec(spec));
    }

    /** As {@link #of(String, CameraSpec)}, shown as a mirror when {@code mirrored}. */
    public static CameraFeed of(String name, CameraSpec spec, boolean mirrored) {
        return new CameraFeed(name, CameraSources.forSpec(spec), mirrored);
    }

    /**
     * Opens the source once, reads one frame and closes it: the check a command runs before the show
     * so that a camera named by mistake is reported at once.
     */
    public static void probe(CameraSpec spec) throws CameraOpenException {
        FrameSource source = CameraSources.forSpec(spec);
        VideoFrame frame = new VideoFrame();
        try {
            source.open();
            if (!source.grab(frame)) {
                throw new CameraOpenException(spec.describe() + ": no image could be read", null);
            }
        } catch (CameraOpenException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CameraOpenException(spec.describe() + ": " + e.getMessage(), e);
        } finally {
            source.close();
            frame.free();
        }
    }

    /** A new slot that receives every frame from now on. Call before or after {@link #start()}. */
    public FrameSlot subscribe() {
        return subscribe(new FrameSlot());
    }

    /**
     * Delivers every frame from now on into a slot the consumer owns (a generator worker's input). The
     * feed becomes that slot's only producer.
     */
    public synchronized FrameSlot subscribe(FrameSlot slot) {
        FrameSlot[] grown = Arrays.copyOf(subscribers, subscribers.length + 1);
        grown[grown.length - 1] = slot;
        subscribers = grown;
        return slot;
    }

    /**
     * Stops delivering to a slot (its consumer is gone). The slot's memory is freed by the capture thread
     * once it can no longer be writing to it; the consumer must not use the slot afterwards.
     */
    public void unsubscribe(FrameSlot slot) {
        unsubscribe(slot, true);
    }

    /**
     * Stops delivering to a slot; with {@code free} false its memory is left to the process, for a
     * consumer that may still be reading it and cannot be waited for.
     */
    public synchronized void unsubscribe(FrameSlot slot, boolean free) {
        FrameSlot[] current = subscribers;
        FrameSlot[] remaining = java.util.Arrays.stream(current).filter(s -> s != slot).toArray(FrameSlot[]::new);
        if (remaining.length != current.length) {
            subscribers = remaining;
            if (!free) {
                return;
            }
            retired.add(slot);
            if (!thread.isAlive()) {
                freeRetired();
            }
        }
    }

    private void freeRetired() {
        FrameSlot slot;
        while ((slot = retired.poll()) != null) {
            slot.free();
        }
    }

    /** How many consumers receive frames. */
    public int subscriberCount() {
        return subscribers.length;
    }

    public CameraFeed start() {
        thread.start();
        return this;
    }

    public String name() {
        return name;
    }

    /** Whether the show draws this camera's picture flipped left to right (the showcase's {@code mirror}). */
    public boolean mirrored() {
        return mirrored;
    }

    public CameraStatus status() {
        return status;
    }

    /** {@link System#nanoTime()} of the last delivered frame, 0 before the first. */
    public long lastFrameNanos() {
        return lastFrameNanos;
    }

    public long framesCaptured() {
        return framesCaptured;
    }

    /** How many times the camera was lost since start. */
    public long timesLost() {
        return timesLost;
    }

    /** Why the camera was last lost, empty if never. */
    public String lastError() {
        return lastError;
    }

    private void captureLoop() {
        while (running) {
            try {
                source.open();
            } catch (IOException | RuntimeException e) {
                markLost(e);
                waitBeforeRetry();
                continue;
            }
            changeStatus(CameraStatus.LIVE, mirrored ? source.format() + ", shown mirrored as the showcase asks" : source.format());
            try {
                deliverUntilFailure();
            } catch (IOException | RuntimeException e) {
                if (running) {
                    markLost(e);
                }
            } finally {
                source.close();
            }
            if (running) {
                waitBeforeRetry();
            }
        }
        changeStatus(CameraStatus.STOPPED, "");
    }

    private void deliverUntilFailure() throws IOException {
        double rate = source.pacingFramesPerSecond();
        long period = rate > 0 ? (long) (1e9 / rate) : 0L;
        long deadline = System.nanoTime();
        boolean rewound = false;
        long sequence = 0;
        while (running) {
            SharedFrame shared = frames.acquire();
            try {
                if (deliver(shared, period, rewound, sequence + 1)) {
                    sequence++;
                    rewound = false;
                } else {
                    source.rewind();
                    rewound = true;
                    continue;
                }
            } finally {
                shared.release();
            }
            if (period > 0L) {
                deadline += period;
                long wait = deadline - System.nanoTime();
                if (wait > 0L) {
                    LockSupport.parkNanos(wait);
                } else if (-wait > period) {
                    deadline = System.nanoTime();
                }
            }
        }
    }

    /** Grabs into the frame and offers it to every subscriber; false at the end of a file that may rewind. */
    private boolean deliver(SharedFrame shared, long period, boolean rewound, long sequence) throws IOException {
        VideoFrame frame = shared.frame();
        if (!source.grab(frame)) {
            if (period == 0L || rewound) {
                throw new IOException(source.format() + ": the source ended");
            }
            return false;
        }
        long now = System.nanoTime();
        frame.setCaptureNanos(now);
        frame.setSequence(sequence);
        for (FrameSlot slot : subscribers) {
            slot.offer(shared);
        }
        // A slot given up before this line may still have been offered the frame: it is freed only now.
        freeRetired();
        lastFrameNanos = now;
        framesCaptured++;
        backoff.reset();
        return true;
    }

    private void markLost(Exception e) {
        lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (status != CameraStatus.LOST) {
            timesLost++;
        }
        changeStatus(CameraStatus.LOST, lastError + "; reconnecting");
    }

    private void changeStatus(CameraStatus next, String detail) {
        if (status == next) {
            return;
        }
        status = next;
        switch (next) {
            case LIVE -> LOG.info("camera {}: live ({})", name, detail);
            case LOST -> LOG.warn("camera {}: lost ({})", name, detail);
            case STOPPED -> LOG.info("camera {}: stopped", name);
            case CONNECTING -> LOG.info("camera {}: connecting", name);
        }
    }

    private void waitBeforeRetry() {
        freeRetired();
        long end = System.nanoTime() + backoff.nextDelayNanos();
        while (running && System.nanoTime() < end) {
            LockSupport.parkNanos(end - System.nanoTime());
        }
    }

    /** Stops the capture thread and frees the frames; subscribers keep their last frame until they free it. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            freeRetired();
            frames.close();
        }
    }
}
