package org.liquide.hardware.driver;

import com.pi4j.io.gpio.digital.DigitalInput;
import org.liquide.hardware.time.NanoClock;

import java.time.Duration;
import java.util.Objects;

/**
 * A push button or foot switch on a GPIO line. Usually wired between the pin and ground with the pull-up on,
 * so pressing pulls the line low ({@code activeLow}). Mechanical contacts bounce for a few milliseconds;
 * sample at least twice per debounce window.
 */
public final class PushButton {
    private final DigitalInput line;
    private final boolean activeLow;
    private final NanoClock clock;
    private final Debouncer debouncer;

    public PushButton(DigitalInput line, boolean activeLow, Duration debounce, NanoClock clock) {
        this.line = Objects.requireNonNull(line, "line");
        this.activeLow = activeLow;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.debouncer = new Debouncer(debounce, false);
    }

    /** Samples the line; true once it has been pressed for the whole debounce window. */
    public boolean pressed() {
        boolean raw = line.isHigh() != activeLow;
        return debouncer.update(raw, clock.nanoTime());
    }
}
