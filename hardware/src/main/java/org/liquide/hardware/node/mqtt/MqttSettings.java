package org.liquide.hardware.node.mqtt;

import org.liquide.hardware.broker.BrokerSecurity;
import org.liquide.hardware.broker.BrokerAddress;
import org.liquide.hardware.wire.Names;

import java.time.Duration;
import java.util.Objects;

/**
 * How a node talks to its broker.
 *
 * @param keepAlive      how long the broker waits without hearing from the node before it publishes the last
 *                       will (it waits 1.5 times this); a node that dies with its process is seen at once
 * @param reconnectFirst the first delay before reconnecting; it doubles up to {@code reconnectMax}, forever
 * @param readingExpiry  MQTT 5 message expiry of readings: a broker never delivers a reading older than this
 * @param security       the node's account (credentials file) and the broker's CA for TLS
 */
public record MqttSettings(BrokerAddress broker, String node, Duration keepAlive, Duration reconnectFirst,
                           Duration reconnectMax, Duration readingExpiry, BrokerSecurity security) {
    public MqttSettings {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(security, "security");
        if (!Names.isValid(node)) {
            throw new IllegalArgumentException("invalid node name '" + node + "'");
        }
        if (keepAlive.toSeconds() < 1 || keepAlive.toSeconds() > 65535) {
            throw new IllegalArgumentException("keep alive must be 1 to 65535 s");
        }
        if (reconnectFirst.isNegative() || reconnectFirst.isZero() || reconnectMax.compareTo(reconnectFirst) < 0) {
            throw new IllegalArgumentException("need 0 < reconnectFirst <= reconnectMax");
        }
        if (readingExpiry.toSeconds() < 1) {
            throw new IllegalArgumentException("reading expiry must be at least 1 s");
        }
    }

    /** Keep-alive 10 s, reconnect after 1 s doubling up to 30 s, readings expire after 10 s. */
    public static MqttSettings defaults(BrokerAddress broker, String node) {
        return new MqttSettings(broker, node, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(10), BrokerSecurity.NONE);
    }

    public MqttSettings withReconnect(Duration first, Duration max) {
        return new MqttSettings(broker, node, keepAlive, first, max, readingExpiry, security);
    }

    public MqttSettings withSecurity(BrokerSecurity other) {
        return new MqttSettings(broker, node, keepAlive, reconnectFirst, reconnectMax, readingExpiry, other);
    }

    public String clientId() {
        return "liquide-node-" + node;
    }
}
