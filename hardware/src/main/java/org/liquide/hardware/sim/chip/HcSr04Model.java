package org.liquide.hardware.sim.chip;

import org.liquide.hardware.time.NanoClock;

import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * An HC-SR04: a TRIG pulse of at least 10 µs, on its falling edge, sends a burst; 250 µs later ECHO rises and
 * stays high for the sound's round trip, 2 × distance / speed of sound (343.4 m/s at 20 °C). With nothing
 * within 4 m the module gives up after 38 ms. Triggers during an echo are ignored, as on the module.
 */
public final class HcSr04Model {
    public static final double SPEED_OF_SOUND_MM_PER_NANO = 343.4e-6;
    public static final double MAX_RANGE_MILLIMETRES = 4000;
    static final long MIN_TRIGGER_NANOS = 10_000;
    static final long BURST_NANOS = 250_000;
    static final long NO_ECHO_NANOS = 38_000_000;

    private final NanoClock clock;
    private final DoubleSupplier distanceMillimetres;
    private boolean triggerHigh;
    private long triggerRoseAt;
    private long echoRisesAt;
    private long echoFallsAt;
    private int pings;

    public HcSr04Model(NanoClock clock, DoubleSupplier distanceMillimetres) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.distanceMillimetres = Objects.requireNonNull(distanceMillimetres, "distance");
        echoRisesAt = clock.nanoTime();
        echoFallsAt = echoRisesAt;
    }

    /** The level the host drives on TRIG. */
    public synchronized void trigger(boolean high) {
        long now = clock.nanoTime();
        if (high && !triggerHigh) {
            triggerRoseAt = now;
        } else if (!high && triggerHigh && now - triggerRoseAt >= MIN_TRIGGER_NANOS && !busy(now)) {
            pings++;
            double distance = distanceMillimetres.getAsDouble();
            long width = Double.isFinite(distance) && distance <= MAX_RANGE_MILLIMETRES
                    ? (long) (2 * Math.max(distance, 20) / SPEED_OF_SOUND_MM_PER_NANO)
                    : NO_ECHO_NANOS;
            echoRisesAt = now + BURST_NANOS;
            echoFallsAt = echoRisesAt + width;
        }
        triggerHigh = high;
    }

    /** The level on ECHO now. */
    public synchronized boolean echo() {
        long now = clock.nanoTime();
        return now - echoRisesAt >= 0 && now - echoFallsAt < 0;
    }

    private boolean busy(long now) {
        return now - echoFallsAt < 0;
    }

    public synchronized int pings() {
        return pings;
    }
}
