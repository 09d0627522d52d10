package org.liquide.generate.worker;

import org.liquide.generate.GenerationParams;
import org.liquide.handoff.LatestSlot;

/**
 * Hands steering parameters from the show to a worker, latest wins: {@link #publish} copies the values
 * and returns at once (no lock, no allocation, no wait), a value the worker had no time to take is simply
 * replaced. One writer thread (the show's control or render thread) and one reader (the worker).
 */
public final class ParamsHandoff {
    private final LatestSlot<GenerationParams> slot = new LatestSlot<>(GenerationParams::new);

    /** Copies {@code params} for the worker. Writer thread only; never blocks. */
    public void publish(GenerationParams params) {
        slot.writable().copyFrom(params);
        slot.publish();
    }

    /** Copies the latest published values into {@code target}; false when nothing new was published. */
    boolean takeInto(GenerationParams target) {
        GenerationParams latest = slot.takeLatest();
        if (latest == null) {
            return false;
        }
        target.copyFrom(latest);
        return true;
    }

    public long publishedCount() {
        return slot.publishedCount();
    }
}
