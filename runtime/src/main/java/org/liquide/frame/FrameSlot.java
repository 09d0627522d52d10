package org.liquide.frame;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A latest-wins handoff of video frames from one producer thread to one consumer thread. Neither side
 * waits or takes a lock and nothing queues: a frame the consumer did not take in time is replaced by the
 * next. The slot holds references to {@link SharedFrame}s, so a producer with many consumers
 * ({@link #offer}) writes each image once; a producer of its own ({@link #writable()} then
 * {@link #publish()}) fills the slot's own frames. Nothing is allocated in steady state.
 */
public final class FrameSlot {
    private final AtomicReference<SharedFrame> offered = new AtomicReference<>();
    /** The slot's own frames, for producers that write into the slot itself. */
    private final FramePool own = new FramePool(3);
    private SharedFrame writing;
    private SharedFrame taken;
    private volatile long published;
    private volatile long overwritten;

    /** Hands the consumer a reference to a shared frame, replacing one it has not taken. Producer thread only. */
    public void offer(SharedFrame frame) {
        frame.retain();
        SharedFrame replaced = offered.getAndSet(frame);
        if (replaced != null) {
            replaced.release();
            overwritten++;
        }
        published++;
    }

    /** A frame of the slot's own the producer may fill now; the same one until {@link #publish()}. Producer only. */
    public VideoFrame writable() {
        if (writing == null) {
            writing = own.acquire();
        }
        return writing.frame();
    }

    /** Makes the frame filled through {@link #writable()} the latest one. Producer thread only. */
    public void publish() {
        if (writing == null) {
            throw new IllegalStateException("publish() without writable()");
        }
        offer(writing);
        writing.release();
        writing = null;
    }

    /**
     * The latest frame if one came since the last call, else null. The frame stays valid, and unchanged,
     * until this method is called again; the consumer only reads it. Consumer thread only.
     */
    public VideoFrame takeLatest() {
        SharedFrame latest = offered.getAndSet(null);
        if (latest == null) {
            return null;
        }
        if (taken != null) {
            taken.release();
        }
        taken = latest;
        return latest.frame();
    }

    /** Frames offered so far. */
    public long publishedCount() {
        return published;
    }

    /** Frames replaced by a newer one before the consumer took them: the skipped ones. */
    public long overwrittenCount() {
        return overwritten;
    }

    /**
     * Gives back every frame the slot holds and frees its own. Call when both threads are done with it:
     * the producer offers nothing more and the consumer no longer reads what it took.
     */
    public void free() {
        SharedFrame left = offered.getAndSet(null);
        if (left != null) {
            left.release();
        }
        if (taken != null) {
            taken.release();
            taken = null;
        }
        if (writing != null) {
            writing.release();
            writing = null;
        }
        own.close();
    }
}
