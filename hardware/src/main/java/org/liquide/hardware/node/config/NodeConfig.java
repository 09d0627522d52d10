package org.liquide.hardware.node.config;

import org.liquide.hardware.broker.BrokerAddress;
import org.liquide.hardware.broker.BrokerSecurity;
import org.liquide.hardware.wire.Names;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A node file's content: the node's name, its broker, its sensors in file order, and how it proves itself to
 * the broker ({@code broker_credentials}, {@code broker_ca}).
 */
public record NodeConfig(String node, BrokerAddress broker, List<SensorConfig> sensors, BrokerSecurity security) {
    public NodeConfig {
        Objects.requireNonNull(security, "security");
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

    /** Anonymous (a broker on loopback, simulated nodes). */
    public NodeConfig(String node, BrokerAddress broker, List<SensorConfig> sensors) {
        this(node, broker, sensors, BrokerSecurity.NONE);
    }

    public NodeConfig withBroker(BrokerAddress other) {
        return new NodeConfig(node, other, sensors, security);
    }
}
