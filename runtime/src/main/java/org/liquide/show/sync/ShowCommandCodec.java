package org.liquide.show.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.liquide.hardware.wire.Names;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Show commands on the broker, as JSON that a show-control system can also publish:
 * {@code {"from": "regie-1", "command": "scene", "scene": "biais", "transition": 2}} (without a transition: the
 * scene's own),
 * {@code {"from": "...", "command": "blackout", "on": true}}, {@code {"from": "...", "command": "sleep"}},
 * {@code {"from": "...", "command": "wake"}}. Anything else is refused with a reason.
 */
public final class ShowCommandCodec {
    public static final int MAX_PAYLOAD_BYTES = 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double MAX_TRANSITION_SECONDS = 60;

    private ShowCommandCodec() {
    }

    /** A command and who sent it. */
    public record Received(String from, ShowCommand command) {
    }

    /** Why a message was refused, as the drop counters name it. */
    public static final class Refused extends Exception {
        private final String reason;

        Refused(String reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    public static byte[] encode(String from, ShowCommand command) {
        ObjectNode o = MAPPER.createObjectNode().put("from", from);
        switch (command) {
            case ShowCommand.SwitchScene s -> {
                o.put("command", "scene").put("scene", s.scene());
                if (Double.isFinite(s.transitionSeconds())) {
                    o.put("transition", s.transitionSeconds());
                }
            }
            case ShowCommand.Blackout b -> o.put("command", "blackout").put("on", b.on());
            case ShowCommand.Sleep ignored -> o.put("command", "sleep");
            case ShowCommand.Wake ignored -> o.put("command", "wake");
        }
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Received decode(byte[] payload) throws Refused {
        if (payload == null || payload.length == 0 || payload.length > MAX_PAYLOAD_BYTES) {
            throw new Refused("bad-size", "a show command is 1 to " + MAX_PAYLOAD_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new Refused("malformed-json", "not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Refused("malformed-json", "not a JSON object");
        }
        String from = text(root, "from");
        if (!Names.isValid(from)) {
            throw new Refused("bad-field", "'from' must be a machine name: " + Names.rule());
        }
        ShowCommand command = switch (text(root, "command")) {
            case "scene" -> {
                String scene = text(root, "scene");
                if (scene.isEmpty() || scene.length() > 128) {
                    throw new Refused("bad-field", "'scene' must name a scene");
                }
                JsonNode transition = root.get("transition");
                if (transition == null) {
                    yield new ShowCommand.SwitchScene(scene, Double.NaN); // the scene's own transition
                }
                double seconds = transition.isNumber() ? transition.asDouble() : Double.NaN;
                if (!(seconds >= 0 && seconds <= MAX_TRANSITION_SECONDS)) {
                    throw new Refused("bad-field", "'transition' must be 0 to " + MAX_TRANSITION_SECONDS + " seconds");
                }
                yield new ShowCommand.SwitchScene(scene, seconds);
            }
            case "blackout" -> {
                JsonNode on = root.get("on");
                if (on == null || !on.isBoolean()) {
                    throw new Refused("bad-field", "'on' must be true or false");
                }
                yield new ShowCommand.Blackout(on.asBoolean());
            }
            case "sleep" -> new ShowCommand.Sleep();
            case "wake" -> new ShowCommand.Wake();
            default -> throw new Refused("unknown-command", "'command' must be scene, blackout, sleep or wake");
        };
        return new Received(from, command);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isTextual() ? node.asText() : "";
    }
}
