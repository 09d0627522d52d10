package org.liquide.hardware.node.config;

public record Mpr121Config(String name, double rateHz, I2cAddress i2c, int touchThreshold, int releaseThreshold)
        implements SensorConfig {
    public static final int DEFAULT_TOUCH_THRESHOLD = 12;
    public static final int DEFAULT_RELEASE_THRESHOLD = 6;

    @Override
    public SensorType type() {
        return SensorType.MPR121;
    }
}
