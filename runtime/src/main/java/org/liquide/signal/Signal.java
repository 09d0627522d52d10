package org.liquide.signal;

import java.util.concurrent.locks.StampedLock;

/**
 * The latest value of one named signal (a sensor reading, an OSC value, a vision measure), with up to
 * {@link #MAX_CHANNELS} channels. Sources write from their own threads; readers (the render thread's
 * mappings, the status page) copy it out with an optimistic read of a {@link StampedLock}: they never
 * block and never allocate.
 */
public final class Signal {
    public static final int MAX_CHANNELS = 16;

    private final String name;
    private final double[] values = new double[MAX_CHANNELS];
    private int channels;
    private long receivedNanos;
    private long sourceMillis;
    private final StampedLock lock = new StampedLock();
    private volatile long messages;

    Signal(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Stores a new value (extra channels beyond {@link #MAX_CHANNELS} are dropped by the caller). */
    void write(double[] newValues, int count, long receivedNanos, long sourceMillis) {
        long stamp = lock.writeLock();
        try {
            System.arraycopy(newValues, 0, values, 0, count);
            channels = count;
            this.receivedNanos = receivedNanos;
            this.sourceMillis = sourceMillis;
            messages++;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Copies the latest value into {@code into}; false if nothing was ever received. */
    public boolean read(SignalSample into) {
        while (true) {
            long stamp = lock.tryOptimisticRead();
            if (stamp == 0L) {
                Thread.onSpinWait();
                continue;
            }
            int count = channels;
            System.arraycopy(values, 0, into.values, 0, Math.min(count, Signal.MAX_CHANNELS));
            long received = receivedNanos;
            long source = sourceMillis;
            long seen = messages;
            if (lock.validate(stamp)) {
                into.channels = count;
                into.receivedNanos = received;
                into.sourceMillis = source;
                into.messages = seen;
                return seen > 0;
            }
        }
    }

    /** Messages received so far. */
    public long messages() {
        return messages;
    }
}
