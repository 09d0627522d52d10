package org.liquide.frame;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A single-slot, latest-wins handoff between one producer thread and one consumer thread, over three
 * reused frames (triple buffering). The producer never waits and never queues: a frame the consumer
 * did not take in time is overwritten by the next one. Nothing is allocated after construction.
 *
 * <p>Producer: {@code f = slot.writable(); fill f; slot.publish();}.
 * Consumer: {@code f = slot.takeLatest(); if (f != null) use f until the next takeLatest()}.
 */
public final class FrameSlot {
    private static final int FRESH = 1 << 2;
    private static final int INDEX_MASK = 0b11;

    private final VideoFrame[] frames = {new VideoFrame(), new VideoFrame(), new VideoFrame()};
    /** Index of the middle frame (the latest published) and a FRESH bit when the consumer has not seen it. */
    private final AtomicInteger middle = new AtomicInteger(1);
    private int back = 0;
    private int front = 2;
    private volatile long published;
    private volatile long overwritten;

    /** The frame the producer may fill now. Producer thread only. */
    public VideoFrame writable() {
        return frames[back];
    }

    /** Makes the filled frame the latest one. Producer thread only. */
    public void publish() {
        int previous = middle.getAndSet(back | FRESH);
        if ((previous & FRESH) != 0) {
            overwritten++;
        }
        back = previous & INDEX_MASK;
        published++;
    }

    /**
     * The latest frame if one was published since the last call, else null. The returned frame stays
     * valid until this method is called again. Consumer thread only.
     */
    public VideoFrame takeLatest() {
        if ((middle.get() & FRESH) == 0) {
            return null;
        }
        int previous = middle.getAndSet(front);
        front = previous & INDEX_MASK;
        return frames[front];
    }

    /** The frame the consumer last took (empty before the first one). Consumer thread only. */
    public VideoFrame current() {
        return frames[front];
    }

    /** Frames published so far. */
    public long publishedCount() {
        return published;
    }

    /** Frames replaced by a newer one before the consumer took them: the skipped inputs. */
    public long overwrittenCount() {
        return overwritten;
    }

    /** Frees the native memory of the three frames. Call when both threads are done. */
    public void free() {
        for (VideoFrame frame : frames) {
            frame.free();
        }
    }
}
