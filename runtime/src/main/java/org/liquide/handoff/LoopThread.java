package org.liquide.handoff;

import java.util.concurrent.locks.LockSupport;

/**
 * A daemon thread that runs a loop for as long as it is not stopped: the loop tests {@link #running()}
 * and parks when it has nothing to do; {@link #stop} clears the flag, wakes it from its park and waits a
 * bounded time for it to end.
 */
public final class LoopThread {
    private final Thread thread;
    private volatile boolean running = true;

    public LoopThread(String name, Runnable loop) {
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(loop);
    }

    public void start() {
        thread.start();
    }

    /** The loop's condition: false once {@link #stop} was called. */
    public boolean running() {
        return running;
    }

    /**
     * Asks the loop to end and waits at most {@code timeoutMillis} for it. Returns whether it ended; an
     * interrupted wait keeps the caller's interrupt status.
     */
    public boolean stop(long timeoutMillis) {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
