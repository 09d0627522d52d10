package org.liquide.hardware.node;

import java.util.function.LongSupplier;

/**
 * When the node's sensor loops last made progress (a reading, or a failed read that was counted): a hung
 * I2C bus or a stuck thread stops it, and the watchdog then lets systemd restart the node. Read by one
 * thread, the watchdog's.
 */
final class NodeHeartbeat implements LongSupplier {
    private final NodeStats stats;
    private final LongSupplier clock;
    private long lastTotal = -1;
    private long lastChangeNanos;

    NodeHeartbeat(NodeStats stats, LongSupplier clock) {
        this.stats = stats;
        this.clock = clock;
    }

    @Override
    public long getAsLong() {
        long total = stats.readings() + stats.failures();
        if (total != lastTotal) {
            lastTotal = total;
            lastChangeNanos = clock.getAsLong();
        }
        return lastChangeNanos;
    }
}
