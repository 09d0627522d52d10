package org.liquide.handoff;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A single-slot, latest-wins handoff between one producer thread and one consumer thread, over three
 * reused objects (triple buffering). Neither side waits or takes a lock, nothing queues: a value the
 * consumer did not take in time is overwritten by the next one. Nothing is allocated after construction.
 *
 * <p>Producer: {@code v = slot.writable(); fill v; slot.publish();}.
 * Consumer: {@code v = slot.takeLatest(); if (v != null) use v until the next takeLatest()}.
 */
public class LatestSlot<T> {
    private static final int FRESH = 1 << 2;
    private static final int INDEX_MASK = 0b11;

    private final Object[] values;
    /** Index of the middle value (the latest published) and a FRESH bit when the consumer has not taken it. */
    private final AtomicInteger middle = new AtomicInteger(1);
    private int back = 0;
    private int front = 2;
    private volatile long published;
    private volatile long overwritten;

    public LatestSlot(Supplier<T> factory) {
        this.values = new Object[]{factory.get(), factory.get(), factory.get()};
    }

    /** The value the producer may fill now. Producer thread only. */
    @SuppressWarnings("unchecked")
    public T writable() {
        return (T) values[back];
    }

    /** Makes the filled value the latest one. Producer thread only. */
    public void publish() {
        int previous = middle.getAndSet(back | FRESH);
        if ((previous & FRESH) != 0) {
            overwritten++;
        }
        back = previous & INDEX_MASK;
        published++;
    }

    /**
     * The latest value if one was published since the last call, else null. The returned value stays
     * valid until this method is called again. Consumer thread only.
     */
    @SuppressWarnings("unchecked")
    public T takeLatest() {
        if ((middle.get() & FRESH) == 0) {
            return null;
        }
        int previous = middle.getAndSet(front);
        front = previous & INDEX_MASK;
        return (T) values[front];
    }

    /** The value the consumer last took (the initial one before any). Consumer thread only. */
    @SuppressWarnings("unchecked")
    public T current() {
        return (T) values[front];
    }

    /** Values published so far. */
    public long publishedCount() {
        return published;
    }

    /** Values replaced by a newer one before the consumer took them: the skipped ones. */
    public long overwrittenCount() {
        return overwritten;
    }

    /** All three objects, for releasing what they hold once both threads are done. */
    @SuppressWarnings("unchecked")
    protected final void forEachValue(java.util.function.Consumer<T> action) {
        for (Object value : values) {
            action.accept((T) value);
        }
    }
}
