package org.liquide.hardware.node.config;

import org.liquide.hardware.driver.Ads1115;

import java.util.List;

/** @param channels the AINx inputs to read, each published on its own channel {@code a0}..{@code a3} */
public record Ads1115Config(String name, double rateHz, I2cAddress i2c, List<Integer> channels, Ads1115.Gain gain,
                            Ads1115.DataRate dataRate) implements SensorConfig {
    public Ads1115Config {
        channels = List.copyOf(channels);
    }

    @Override
    public SensorType type() {
        return SensorType.ADS1115;
    }

    public static String channelName(int channel) {
        return "a" + channel;
    }
}
