package org.liquide.render;

import java.util.concurrent.locks.LockSupport;

/**
 * Holds an offscreen output to a fixed frame rate (a window is paced by vertical sync instead).
 * When a frame runs late by more than a period it does not try to catch up: it starts a new cadence.
 */
public final class FramePacer {
    private final long periodNanos;
    private long deadline = Long.MIN_VALUE;

    public FramePacer(double framesPerSecond) {
        this.periodNanos = framesPerSecond > 0 ? (long) (1e9 / framesPerSecond) : 0L;
    }

    /** Waits until the next frame is due. Returns at once when unpaced. */
    public void waitForNextFrame() {
        if (periodNanos == 0L) {
            return;
        }
        long now = System.nanoTime();
        if (deadline == Long.MIN_VALUE) {
            deadline = now;
        }
        deadline += periodNanos;
        long wait = deadline - now;
        if (wait < -periodNanos) {
            deadline = now;
            return;
        }
        while (wait > 0) {
            LockSupport.parkNanos(wait);
            wait = deadline - System.nanoTime();
        }
    }
}
