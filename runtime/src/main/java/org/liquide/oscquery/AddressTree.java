package org.liquide.oscquery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an address space from methods given by their full paths: the containers between them are made as
 * needed, in the order methods were added, with the descriptions given for them.
 */
public final class AddressTree {
    private final Map<String, OscNode> methods = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new HashMap<>();
    private final Map<String, Set<String>> children = new LinkedHashMap<>();

    /** Adds a method; a second one at the same path replaces the first. */
    public AddressTree add(OscNode method) {
        methods.put(method.path(), method);
        link(method.path());
        return this;
    }

    /** Describes a container (made if no method lies under it yet). */
    public AddressTree describe(String path, String description) {
        descriptions.put(path, description);
        link(path);
        return this;
    }

    private void link(String path) {
        String child = path;
        while (!child.equals("/")) {
            int slash = child.lastIndexOf('/');
            String parent = slash == 0 ? "/" : child.substring(0, slash);
            children.computeIfAbsent(parent, p -> new LinkedHashSet<>()).add(child);
            child = parent;
        }
    }

    public OscNode build() {
        return node("/");
    }

    private OscNode node(String path) {
        List<OscNode> contents = new ArrayList<>();
        for (String child : children.getOrDefault(path, Set.of())) {
            contents.add(node(child));
        }
        OscNode method = methods.get(path);
        String description = descriptions.getOrDefault(path, "");
        if (method == null) {
            return OscNode.container(path, description, contents);
        }
        return new OscNode(path, method.description(), method.type(), method.access(), method.range(), method.value(), contents);
    }

    /**
     * A name as one part of an OSC address: characters OSC reserves (space # * , / ? [ ] { }) and control
     * characters become {@code _}.
     */
    public static String part(String name) {
        StringBuilder text = new StringBuilder(name.length());
        name.codePoints().forEach(c -> text.appendCodePoint(c <= ' ' || "#*,/?[]{}".indexOf(c) >= 0 || c == 127 ? '_' : c));
        return text.isEmpty() ? "_" : text.toString();
    }
}
