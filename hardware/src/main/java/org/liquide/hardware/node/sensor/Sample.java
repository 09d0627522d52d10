package org.liquide.hardware.node.sensor;

import org.liquide.hardware.wire.SensorValue;

import java.util.Optional;

/** One value read from a sensor, on the sensor's own topic or on one of its channels. */
public record Sample(Optional<String> channel, SensorValue value) {
    public static Sample of(SensorValue value) {
        return new Sample(Optional.empty(), value);
    }

    public static Sample onChannel(String channel, SensorValue value) {
        return new Sample(Optional.of(channel), value);
    }
}
