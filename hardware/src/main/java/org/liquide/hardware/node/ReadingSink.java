package org.liquide.hardware.node;

import org.liquide.hardware.wire.NodeStatus;
import org.liquide.hardware.wire.SensorReading;

/**
 * Where a node's readings go: MQTT ({@link org.liquide.hardware.node.mqtt.MqttReadingSink}) on a Pi, or
 * straight into the runtime when a simulated node runs in-process ({@link InProcessSink}, or a lambda).
 *
 * <p>Called from the sensors' threads, concurrently. It must return quickly and never throw: a sink that cannot
 * deliver drops the reading (readings are only worth anything fresh).
 */
@FunctionalInterface
public interface ReadingSink {
    void publish(SensorReading reading);

    /** The node came online (started) or goes offline (stops cleanly). */
    default void status(String node, NodeStatus status) {
    }
}
