package org.liquide.hardware.node.config;

import org.liquide.hardware.driver.Bh1750;

public record Bh1750Config(String name, double rateHz, I2cAddress i2c, Bh1750.Mode mode) implements SensorConfig {
    @Override
    public SensorType type() {
        return SensorType.BH1750;
    }
}
