package org.liquide.hardware.wire;

import java.util.Objects;
import java.util.Optional;

/**
 * One measurement taken by a node. Published on {@code liquide/sensors/<node>/<sensor>[/<channel>]} with the
 * payload {@code {"t": <epoch ms>, "v": <value>}}; see {@link Topics} and {@link ReadingCodec}.
 *
 * @param epochMillis when the sensor was read, on the node's wall clock
 */
public record SensorReading(String node, String sensor, Optional<String> channel, long epochMillis,
                            SensorValue value) {
    /** Earliest accepted timestamp: 2001-09-09. Anything older is a Pi that has not synchronised its clock yet. */
    public static final long MIN_EPOCH_MILLIS = 1_000_000_000_000L;
    /** Latest accepted timestamp: 2100-01-01. */
    public static final long MAX_EPOCH_MILLIS = 4_102_444_800_000L;

    public SensorReading {
        Names.require("node", node);
        Names.require("sensor", sensor);
        Objects.requireNonNull(channel, "channel");
        channel.ifPresent(c -> Names.require("channel", c));
        if (epochMillis < MIN_EPOCH_MILLIS || epochMillis > MAX_EPOCH_MILLIS) {
            throw new IllegalArgumentException("timestamp " + epochMillis + " is outside ["
                    + MIN_EPOCH_MILLIS + ", " + MAX_EPOCH_MILLIS + "]");
        }
        Objects.requireNonNull(value, "value");
    }

    public static SensorReading of(String node, String sensor, long epochMillis, SensorValue value) {
        return new SensorReading(node, sensor, Optional.empty(), epochMillis, value);
    }

    public static SensorReading of(String node, String sensor, String channel, long epochMillis, SensorValue value) {
        return new SensorReading(node, sensor, Optional.of(channel), epochMillis, value);
    }

    public String topic() {
        return Topics.reading(node, sensor, channel);
    }
}
