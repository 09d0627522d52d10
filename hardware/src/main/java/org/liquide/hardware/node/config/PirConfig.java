package org.liquide.hardware.node.config;

import java.time.Duration;

/** A PIR motion sensor's output on GPIO {@code pin} (BCM numbering). */
public record PirConfig(String name, double rateHz, int pin, Duration debounce, Duration hold) implements SensorConfig {
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(50);
    public static final Duration DEFAULT_HOLD = Duration.ofSeconds(2);

    @Override
    public SensorType type() {
        return SensorType.PIR;
    }
}
