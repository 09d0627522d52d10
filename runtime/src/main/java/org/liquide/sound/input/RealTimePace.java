package org.liquide.sound.input;

import java.util.concurrent.locks.LockSupport;

/**
 * Keeps a source that can deliver faster than real time (a file in memory, a stream served faster than it
 * plays) at the pace a device would: after each block it waits until the block's time has come. A source
 * that falls more than {@link #RESYNC_NANOS} behind (a starved thread, a network stall) starts its clock
 * again from now rather than rushing to catch up.
 */
final class RealTimePace {
    static final long RESYNC_NANOS = 500_000_000L;

    private final int rate;
    private long startNanos = System.nanoTime();
    private long delivered;

    RealTimePace(int rate) {
        this.rate = rate;
    }

    /** {@code count} more samples were delivered: waits until they are due. */
    void delivered(int count) {
        delivered += count;
        long due = startNanos + delivered * 1_000_000_000L / rate;
        long now = System.nanoTime();
        if (now - due > RESYNC_NANOS) {
            startNanos = now;
            delivered = 0;
            return;
        }
        long wait;
        while ((wait = due - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(wait);
        }
    }
}
