package org.liquide.frame;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A frame of a {@link FramePool} that several threads may read at once: each holder keeps one reference
 * and gives it back with {@link #release()}; the last one gives the frame back to its pool. A holder
 * only reads the frame; the pool's producer writes it while it alone holds it.
 */
public final class SharedFrame {
    /** The count of a frame the pool freed: nobody holds it and nobody may take it again. */
    private static final int FREED = -1;

    private final VideoFrame frame = new VideoFrame();
    private final FramePool pool;
    private final AtomicInteger references = new AtomicInteger();

    SharedFrame(FramePool pool) {
        this.pool = pool;
    }

    public VideoFrame frame() {
        return frame;
    }

    /** Adds a holder. Only someone who already holds a reference may add one. */
    public void retain() {
        references.incrementAndGet();
    }

    /** Gives one reference back; the last frees the memory when the pool is closed already. */
    public void release() {
        int left = references.decrementAndGet();
        if (left < 0) {
            throw new IllegalStateException("a shared frame was released more often than it was held");
        }
        if (left == 0 && pool.isClosed()) {
            freeIfUnheld();
        }
    }

    /** Takes a free frame for the producer (0 → 1 holder); false if someone holds it. */
    boolean claim() {
        return references.compareAndSet(0, 1);
    }

    /** Frees the memory if nobody holds the frame; a frame still held is freed by its last release. */
    void freeIfUnheld() {
        if (references.compareAndSet(0, FREED)) {
            frame.free();
        }
    }

    /** How many hold it now (0 when free in the pool). */
    int references() {
        return Math.max(0, references.get());
    }
}
