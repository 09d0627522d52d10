package org.liquide.hardware.driver;

import com.pi4j.io.gpio.digital.DigitalInput;
import org.liquide.hardware.time.NanoClock;

import java.time.Duration;
import java.util.Objects;

/**
 * A PIR motion sensor (HC-SR501, AM312...) whose output goes high on motion. Spikes shorter than the
 * debounce window are ignored (long cables pick up interference); once seen, motion is reported for the
 * hold time after the line drops, so a visitor standing still between two detections stays present.
 */
public final class PirMotionSensor {
    private final DigitalInput line;
    private final NanoClock clock;
    private final Debouncer debouncer;
    private final long holdNanos;
    private boolean seen;
    private long lastHighNanos;

    public PirMotionSensor(DigitalInput line, Duration debounce, Duration hold, NanoClock clock) {
        this.line = Objects.requireNonNull(line, "line");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.debouncer = new Debouncer(debounce, false);
        if (hold.isNegative()) {
            throw new IllegalArgumentException("hold time must not be negative");
        }
        this.holdNanos = hold.toNanos();
    }

    /** Samples the line; true while motion is seen and for the hold time after. */
    public boolean motion() {
        long now = clock.nanoTime();
        if (debouncer.update(line.isHigh(), now)) {
            seen = true;
            lastHighNanos = now;
            return true;
        }
        return seen && now - lastHighNanos < holdNanos;
    }
}
