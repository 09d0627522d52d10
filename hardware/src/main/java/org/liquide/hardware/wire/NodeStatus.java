package org.liquide.hardware.wire;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The retained payload on {@code liquide/nodes/<node>/status}: {@code online} once a node is connected,
 * {@code offline} when it stops cleanly or, as its MQTT last will, when it vanishes.
 */
public enum NodeStatus {
    ONLINE("online"),
    OFFLINE("offline");

    private final String payload;

    NodeStatus(String payload) {
        this.payload = payload;
    }

    public String payload() {
        return payload;
    }

    public byte[] payloadBytes() {
        return payload.getBytes(StandardCharsets.US_ASCII);
    }

    public static Optional<NodeStatus> parse(byte[] payload) {
        if (payload == null || payload.length > 16) {
            return Optional.empty();
        }
        String text = new String(payload, StandardCharsets.US_ASCII);
        for (NodeStatus status : values()) {
            if (status.payload.equals(text)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
