package org.liquide.hardware.node.config;

/** One sensor of a node file; every sensor has a unique name and is read {@code rateHz} times a second. */
public sealed interface SensorConfig permits PirConfig, ButtonConfig, HcSr04Config, Vl53l0xConfig, Vl53l1xConfig,
        Mpr121Config, Ads1115Config, Bh1750Config {
    String name();

    double rateHz();

    SensorType type();
}
