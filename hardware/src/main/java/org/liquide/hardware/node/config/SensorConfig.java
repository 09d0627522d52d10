package org.liquide.hardware.node.config;

import java.util.Optional;

/** One sensor of a node file; every sensor has a unique name and is read {@code rateHz} times a second. */
public sealed interface SensorConfig permits PirConfig, ButtonConfig, HcSr04Config, Vl53l0xConfig, Vl53l1xConfig,
        Mpr121Config, Ads1115Config, Bh1750Config {
    String name();

    double rateHz();

    SensorType type();

    /** The I2C address of a chip on a bus; empty for the sensors on GPIO lines. */
    default Optional<I2cAddress> i2cAddress() {
        return switch (this) {
            case Vl53l0xConfig v -> Optional.of(v.i2c());
            case Vl53l1xConfig v -> Optional.of(v.i2c());
            case Mpr121Config m -> Optional.of(m.i2c());
            case Ads1115Config a -> Optional.of(a.i2c());
            case Bh1750Config b -> Optional.of(b.i2c());
            case PirConfig p -> Optional.empty();
            case ButtonConfig b -> Optional.empty();
            case HcSr04Config h -> Optional.empty();
        };
    }
}
