package org.liquide.hardware.time;

import java.util.concurrent.locks.LockSupport;

/**
 * Monotonic time for drivers and simulated chips: what a driver waits on (conversion times, echo pulses,
 * debounce windows) goes through this, so tests can run a driver against the simulator in virtual time.
 */
public interface NanoClock {
    long nanoTime();

    /** Waits at least {@code nanos}; a virtual clock just moves forward. */
    void sleepNanos(long nanos) throws InterruptedException;

    default void sleepMillis(long millis) throws InterruptedException {
        sleepNanos(millis * 1_000_000L);
    }

    /** Waits {@code nanos} by spinning, for waits (microseconds) far below the scheduler's resolution. */
    default void spinNanos(long nanos) {
        long until = nanoTime() + nanos;
        while (nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
    }

    static NanoClock system() {
        return SystemNanoClock.INSTANCE;
    }

    /** {@link System#nanoTime()} and real sleeping. */
    final class SystemNanoClock implements NanoClock {
        static final SystemNanoClock INSTANCE = new SystemNanoClock();

        private SystemNanoClock() {
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            if (nanos <= 0) {
                return;
            }
            long until = System.nanoTime() + nanos;
            for (long left = nanos; left > 0; left = until - System.nanoTime()) {
                LockSupport.parkNanos(left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
    }
}
