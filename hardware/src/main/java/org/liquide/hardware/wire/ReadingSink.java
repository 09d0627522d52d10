package org.liquide.hardware.wire;

/**
 * Where a node's readings go: MQTT ({@code node.mqtt.MqttReadingSink}) on a Pi, or
 * straight into the runtime when a simulated node runs in-process ({@code node.InProcessSink}, or a lambda).
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
