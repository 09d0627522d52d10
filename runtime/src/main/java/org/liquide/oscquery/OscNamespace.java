package org.liquide.oscquery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An address space built once, with its nodes indexed by path. Its {@link #shape()} (paths, types, access,
 * ranges, descriptions, never values) tells whether two builds differ enough for clients to read it again.
 */
public final class OscNamespace {
    /** Deeper or longer addresses than any the show makes are refused before any lookup. */
    public static final int MAX_PATH_LENGTH = 512;

    private final OscNode root;
    private final Map<String, OscNode> byPath = new HashMap<>();
    private final String shape;

    public OscNamespace(OscNode root) {
        if (!root.path().equals("/")) {
            throw new IllegalArgumentException("the root's path is /, got " + root.path());
        }
        this.root = root;
        StringBuilder text = new StringBuilder();
        index(root, text);
        this.shape = text.toString();
    }

    private void index(OscNode node, StringBuilder shape) {
        if (byPath.put(node.path(), node) != null) {
            throw new IllegalArgumentException("two nodes at " + node.path());
        }
        shape.append(node.path()).append('|').append(node.type()).append('|').append(node.access()).append('|')
                .append(node.range()).append('|').append(node.description()).append('\n');
        for (OscNode child : node.contents()) {
            if (!child.path().equals((node.path().equals("/") ? "" : node.path()) + "/" + child.name())) {
                throw new IllegalArgumentException(child.path() + " is not a child of " + node.path());
            }
            index(child, shape);
        }
    }

    public OscNode root() {
        return root;
    }

    /** The node at an OSC address; a trailing slash is ignored ({@code /liquide/} is {@code /liquide}). */
    public Optional<OscNode> find(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_PATH_LENGTH) {
            return Optional.empty();
        }
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return Optional.ofNullable(byPath.get(p));
    }

    public String shape() {
        return shape;
    }

    public List<OscNode> all() {
        return List.copyOf(byPath.values());
    }
}
