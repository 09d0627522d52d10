package org.liquide.frame;

import java.util.Arrays;

/**
 * The frames one producer writes and many readers share (a camera's fan-out to the renderer, generators
 * and vision): the producer takes a frame nobody holds, fills it and hands references to its readers,
 * so each image is written once whatever the number of readers. The pool grows only while readers hold
 * more frames than it has (at most two per reader: the one it reads and the one waiting for it), so a
 * steady stream allocates nothing. {@link #acquire()} is for the producer thread only; releasing is
 * safe from any thread, and lock-free.
 */
public final class FramePool {
    private volatile SharedFrame[] frames;
    private volatile boolean closed;

    public FramePool(int initialSize) {
        SharedFrame[] initial = new SharedFrame[initialSize];
        for (int i = 0; i < initialSize; i++) {
            initial[i] = new SharedFrame(this);
        }
        frames = initial;
    }

    /** A frame held by the caller alone (one reference), to fill and share. Producer thread only. */
    public SharedFrame acquire() {
        if (closed) {
            throw new IllegalStateException("the frame pool is closed");
        }
        SharedFrame[] current = frames;
        for (SharedFrame frame : current) {
            if (frame.claim()) {
                return frame;
            }
        }
        SharedFrame added = new SharedFrame(this);
        added.claim();
        SharedFrame[] grown = Arrays.copyOf(current, current.length + 1);
        grown[current.length] = added;
        frames = grown;
        return added;
    }

    /** Frames in the pool, held or not. */
    public int size() {
        return frames.length;
    }

    /** Frames someone holds now. */
    public int held() {
        int held = 0;
        for (SharedFrame frame : frames) {
            if (frame.references() > 0) {
                held++;
            }
        }
        return held;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Frees the frames nobody holds; each frame still held is freed when its last reader releases it. The
     * producer must not acquire afterwards.
     */
    public void close() {
        closed = true;
        for (SharedFrame frame : frames) {
            frame.freeIfUnheld();
        }
    }
}
