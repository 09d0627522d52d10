package org.liquide.hardware.node.config;

import org.liquide.hardware.driver.HcSr04;

/** An HC-SR04 with TRIG and ECHO (through a divider) on GPIO pins, BCM numbering. */
public record HcSr04Config(String name, double rateHz, int triggerPin, int echoPin, HcSr04.Settings settings)
        implements SensorConfig {
    @Override
    public SensorType type() {
        return SensorType.HCSR04;
    }
}
