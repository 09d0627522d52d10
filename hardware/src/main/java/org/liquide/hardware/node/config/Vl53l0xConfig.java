package org.liquide.hardware.node.config;

public record Vl53l0xConfig(String name, double rateHz, I2cAddress i2c) implements SensorConfig {
    @Override
    public SensorType type() {
        return SensorType.VL53L0X;
    }
}
