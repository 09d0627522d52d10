package org.liquide.hardware.node.config;

import com.pi4j.io.gpio.digital.PullResistance;

import java.time.Duration;

/** A push button or foot switch on GPIO {@code pin} (BCM numbering). */
public record ButtonConfig(String name, double rateHz, int pin, boolean activeLow, PullResistance pull,
                           Duration debounce) implements SensorConfig {
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(30);

    @Override
    public SensorType type() {
        return SensorType.BUTTON;
    }
}
