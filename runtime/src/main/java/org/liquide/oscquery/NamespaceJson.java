package org.liquide.oscquery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON of the OSCQuery proposal: a node with its attributes and contents, one attribute ({@code ?VALUE}),
 * or {@code ?HOST_INFO}. The answer's status follows the proposal: 404 for no such node, 204 for a value that
 * cannot be read (ACCESS says so) or an optional attribute this server does not provide, 400 for an attribute
 * the proposal does not know.
 */
final class NamespaceJson {
    static final Set<String> ATTRIBUTES = Set.of("FULL_PATH", "CONTENTS", "TYPE", "ACCESS", "VALUE", "RANGE", "DESCRIPTION");
    /** Attributes of the proposal this server does not provide. */
    static final Set<String> UNSUPPORTED = Set.of("TAGS", "EXTENDED_TYPE", "UNIT", "CRITICAL", "CLIPMODE", "OVERLOADS", "HTML");

    record Answer(int status, String json) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private NamespaceJson() {
    }

    /** The answer to {@code GET path?query} ({@code query} null or empty: the whole node). */
    static Answer answer(OscNamespace namespace, HostInfo host, String path, String query) {
        String attribute = query == null ? "" : query.strip();
        if (attribute.equals("HOST_INFO")) {
            return ok(hostInfo(host));
        }
        Optional<OscNode> found = namespace.find(path);
        if (found.isEmpty()) {
            return new Answer(404, "");
        }
        OscNode node = found.get();
        if (attribute.isEmpty()) {
            return ok(node(node));
        }
        if (UNSUPPORTED.contains(attribute)) {
            return new Answer(204, "");
        }
        if (!ATTRIBUTES.contains(attribute)) {
            return new Answer(400, "");
        }
        if (attribute.equals("VALUE") && node.isMethod() && !node.readable()) {
            return new Answer(204, "");
        }
        ObjectNode whole = node(node);
        ObjectNode only = JSON.objectNode();
        if (whole.has(attribute)) {
            only.set(attribute, whole.get(attribute));
        }
        return ok(only);
    }

    static ObjectNode node(OscNode node) {
        ObjectNode json = JSON.objectNode();
        json.put("FULL_PATH", node.path());
        if (!node.description().isEmpty()) {
            json.put("DESCRIPTION", node.description());
        }
        json.put("ACCESS", node.access());
        if (node.isMethod()) {
            json.put("TYPE", node.type());
            if (node.readable()) {
                List<Object> value = node.value().get();
                if (!value.isEmpty()) {
                    json.set("VALUE", values(value));
                }
            }
            if (!node.range().isEmpty()) {
                ArrayNode ranges = json.putArray("RANGE");
                node.range().forEach(range -> ranges.add(range == null || range.isEmpty() ? JSON.nullNode() : range(range)));
            }
        }
        if (!node.contents().isEmpty() || !node.isMethod()) {
            ObjectNode contents = json.putObject("CONTENTS");
            node.contents().forEach(child -> contents.set(child.name(), node(child)));
        }
        return json;
    }

    static ObjectNode hostInfo(HostInfo host) {
        ObjectNode json = JSON.objectNode();
        json.put("NAME", host.name());
        if (!host.oscIp().isEmpty()) {
            json.put("OSC_IP", host.oscIp());
        }
        json.put("OSC_PORT", host.oscPort());
        json.put("OSC_TRANSPORT", "UDP");
        ObjectNode extensions = json.putObject("EXTENSIONS");
        HostInfo.EXTENSIONS.forEach(name -> extensions.put(name, true));
        UNSUPPORTED.stream().sorted().forEach(name -> extensions.put(name, false));
        return json;
    }

    private static ObjectNode range(ValueRange range) {
        ObjectNode json = JSON.objectNode();
        range.min().ifPresent(min -> json.put("MIN", min));
        range.max().ifPresent(max -> json.put("MAX", max));
        if (!range.values().isEmpty()) {
            json.set("VALS", values(range.values()));
        }
        return json;
    }

    private static ArrayNode values(List<Object> values) {
        ArrayNode array = JSON.arrayNode();
        for (Object value : values) {
            switch (value) {
                case Float f when Float.isFinite(f) -> array.add(f);
                case Double d when Double.isFinite(d) -> array.add(d);
                case Integer i -> array.add(i);
                case Long l -> array.add(l);
                case Boolean b -> array.add(b);
                case String s -> array.add(s);
                case null, default -> array.addNull();
            }
        }
        return array;
    }

    static String text(ObjectNode json) {
        try {
            return MAPPER.writeValueAsString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer ok(ObjectNode json) {
        return new Answer(200, text(json));
    }
}
