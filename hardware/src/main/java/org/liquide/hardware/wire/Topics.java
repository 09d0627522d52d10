package org.liquide.hardware.wire;

import java.util.Optional;

/** Builds and parses the MQTT topics of the wire format. */
public final class Topics {
    public static final String ROOT = "liquide";
    public static final String SENSORS = ROOT + "/sensors";
    public static final String NODES = ROOT + "/nodes";
    /** Subscribe to this to receive every reading of every node. */
    public static final String ALL_READINGS = SENSORS + "/#";
    /** Subscribe to this to receive every node's status. */
    public static final String ALL_STATUSES = NODES + "/+/status";

    private Topics() {
    }

    public static String reading(String node, String sensor) {
        return reading(node, sensor, Optional.empty());
    }

    public static String reading(String node, String sensor, String channel) {
        return reading(node, sensor, Optional.of(channel));
    }

    public static String reading(String node, String sensor, Optional<String> channel) {
        ReadingTopic valid = new ReadingTopic(node, sensor, channel);
        return SENSORS + "/" + valid.node() + "/" + valid.sensor() + valid.channel().map(c -> "/" + c).orElse("");
    }

    public static String status(String node) {
        return NODES + "/" + Names.require("node", node) + "/status";
    }

    /** The node, sensor and channel of a reading topic; empty when the topic is not one. */
    public static Optional<ReadingTopic> parseReading(String topic) {
        if (topic == null || topic.length() > 200 || !topic.startsWith(SENSORS + "/")) {
            return Optional.empty();
        }
        String[] levels = topic.substring(SENSORS.length() + 1).split("/", -1);
        if (levels.length < 2 || levels.length > 3) {
            return Optional.empty();
        }
        for (String level : levels) {
            if (!Names.isValid(level)) {
                return Optional.empty();
            }
        }
        Optional<String> channel = levels.length == 3 ? Optional.of(levels[2]) : Optional.empty();
        return Optional.of(new ReadingTopic(levels[0], levels[1], channel));
    }

    /** The node a status topic belongs to; empty when the topic is not one. */
    public static Optional<String> parseStatus(String topic) {
        if (topic == null || topic.length() > 200 || !topic.startsWith(NODES + "/") || !topic.endsWith("/status")) {
            return Optional.empty();
        }
        String node = topic.substring(NODES.length() + 1, topic.length() - "/status".length());
        return Names.isValid(node) ? Optional.of(node) : Optional.empty();
    }
}
