package org.liquide.hardware.node;

import java.util.concurrent.atomic.AtomicLong;

/** Counters a technician looks at when a node misbehaves. */
public final class NodeStats {
    private final AtomicLong readings = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong reopens = new AtomicLong();

    void reading() {
        readings.incrementAndGet();
    }

    void failure() {
        failures.incrementAndGet();
    }

    void reopen() {
        reopens.incrementAndGet();
    }

    /** Readings handed to the sink. */
    public long readings() {
        return readings.get();
    }

    /** Failed sensor reads (I2C errors, timeouts, wrong chip). */
    public long failures() {
        return failures.get();
    }

    /** Times a sensor was opened and initialised again after failing. */
    public long reopens() {
        return reopens.get();
    }

    @Override
    public String toString() {
        return "readings=" + readings() + " failures=" + failures() + " reopens=" + reopens();
    }
}
