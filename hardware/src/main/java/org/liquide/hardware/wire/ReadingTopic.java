package org.liquide.hardware.wire;

import java.util.Optional;

/** The node, sensor and optional channel a reading topic names. */
public record ReadingTopic(String node, String sensor, Optional<String> channel) {
    public ReadingTopic {
        Names.require("node", node);
        Names.require("sensor", sensor);
        channel.ifPresent(c -> Names.require("channel", c));
    }
}
