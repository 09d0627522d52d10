package org.liquide.hardware.node.config;

import java.time.Duration;

/** @param period the chip's inter-measurement period */
public record Vl53l1xConfig(String name, double rateHz, I2cAddress i2c, Duration period) implements SensorConfig {
    public static final Duration DEFAULT_PERIOD = Duration.ofMillis(100);

    @Override
    public SensorType type() {
        return SensorType.VL53L1X;
    }
}
