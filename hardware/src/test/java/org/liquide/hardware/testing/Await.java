package org.liquide.hardware.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for a condition with a deadline: the test fails with {@code what} if it does not hold in time. */
public final class Await {
    /**
     * The deadline for a condition that a loaded machine may delay (a frame held for seconds, a JVM
     * starting slowly): the wait ends as soon as the condition holds, so a generous deadline costs a
     * passing test nothing and keeps a slow machine from failing it.
     */
    public static final Duration GENEROUS = Duration.ofSeconds(60);

    private Await() {
    }

    public static void until(Duration deadline, String what, BooleanSupplier condition) {
        until(deadline, () -> what, condition);
    }

    /** Like {@link #until(Duration, String, BooleanSupplier)}, describing the state only when it fails. */
    public static void until(Duration deadline, Supplier<String> what, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                fail("timed out after " + deadline.toMillis() + " ms waiting for: " + what.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what.get());
            }
        }
    }
}
