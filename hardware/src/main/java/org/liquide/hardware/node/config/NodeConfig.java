package org.liquide.hardware.node.config;

import org.liquide.hardware.wire.Names;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** A node file's content: the node's name, its broker, and its sensors in file order. */
public record NodeConfig(String node, BrokerAddress broker, List<SensorConfig> sensors) {
    public NodeConfig {
        if (!Names.isValid(node)) {
            throw new IllegalArgumentException("invalid node name '" + node + "': " + Names.rule());
        }
        Objects.requireNonNull(broker, "broker");
        sensors = List.copyOf(sensors);
        var names = new HashSet<String>();
        for (SensorConfig sensor : sensors) {
            if (!names.add(sensor.name())) {
                throw new IllegalArgumentException("two sensors named '" + sensor.name() + "'");
            }
        }
    }

    public NodeConfig withBroker(BrokerAddress other) {
        return new NodeConfig(node, other, sensors);
    }
}
