package org.liquide.config;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A file that includes another and says only what differs: {@code include: showcase.yaml} on top, then the keys
 * it replaces. Mappings merge key by key, at any depth; anything else (a list, a value) replaces the included
 * one whole. Every node keeps the file it was written in, so an error is reported in the file that holds it.
 *
 * <p>The included file lies beside the including one (its relative paths mean the same from both) and includes
 * nothing itself: one level, so a reader sees the whole configuration in two files.
 */
public final class YamlOverlay {
    public static final String KEY = "include";

    private YamlOverlay() {
    }

    /**
     * The document of {@code file} with its include merged in, or the document as it is when it includes
     * nothing; empty when it could not be read (the reasons are in {@code problems}).
     */
    public static Optional<Node> read(Path file, Problems problems, String whatItShouldHold) {
        Optional<Node> root = YamlDocument.read(file, problems, whatItShouldHold);
        Optional<ScalarNode> include = root.flatMap(YamlOverlay::includeOf);
        if (include.isEmpty()) {
            return root;
        }
        Optional<Path> included = includedFile(file, include.get(), problems);
        if (included.isEmpty()) {
            return Optional.empty();
        }
        Problems theirs = new Problems(included.get().toString());
        Optional<Node> base = YamlDocument.read(included.get(), theirs, whatItShouldHold);
        base.flatMap(YamlOverlay::includeOf).ifPresent(again -> theirs.at(again,
                "the included file includes another: one level only (write what it includes in it, or include that file instead)"));
        problems.addAll(theirs);
        if (theirs.any() || base.isEmpty()) {
            return Optional.empty();
        }
        if (!(base.get() instanceof MappingNode)) {
            problems.at(include.get(), "include: " + include.get().getValue() + " must hold a mapping, like this file");
            return Optional.empty();
        }
        return Optional.of(merge((MappingNode) base.get(), (MappingNode) root.get()));
    }

    private static Optional<ScalarNode> includeOf(Node root) {
        if (!(root instanceof MappingNode mapping)) {
            return Optional.empty();
        }
        return mapping.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode key && key.getValue().equals(KEY))
                .map(t -> t.getValueNode() instanceof ScalarNode value ? value : null)
                .filter(java.util.Objects::nonNull).findFirst();
    }

    private static Optional<Path> includedFile(Path file, ScalarNode include, Problems problems) {
        String name = include.getValue().strip();
        Path included = file.resolveSibling(name); // named as the including file is, for the messages
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
            problems.at(include, "include: expected the name of a file beside this one (like showcase.yaml), not '" + name + "'");
            return Optional.empty();
        }
        if (included.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
            problems.at(include, "include: a file cannot include itself");
            return Optional.empty();
        }
        if (!Files.isRegularFile(included)) {
            problems.at(include, "include: " + name + " not found (looked at " + included.toAbsolutePath().normalize() + ")");
            return Optional.empty();
        }
        return Optional.of(included);
    }

    /** The base with the overlay's keys in place (same order, new keys at the end); the include key dropped. */
    static MappingNode merge(MappingNode base, MappingNode overlay) {
        Map<String, NodeTuple> merged = new LinkedHashMap<>();
        // Duplicate keys and keys that are not plain words stay, for the reader to report where they are written.
        List<NodeTuple> leftover = new ArrayList<>();
        for (NodeTuple tuple : base.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || merged.putIfAbsent(key.getValue(), tuple) != null) {
                leftover.add(tuple);
            }
        }
        Set<String> overlaid = new HashSet<>();
        for (NodeTuple tuple : overlay.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || !overlaid.add(key.getValue())) {
                leftover.add(tuple);
            } else if (!key.getValue().equals(KEY)) {
                NodeTuple before = merged.get(key.getValue());
                boolean bothMappings = before != null && before.getValueNode() instanceof MappingNode
                        && tuple.getValueNode() instanceof MappingNode;
                merged.put(key.getValue(), !bothMappings ? tuple : new NodeTuple(tuple.getKeyNode(),
                        merge((MappingNode) before.getValueNode(), (MappingNode) tuple.getValueNode())));
            }
        }
        List<NodeTuple> tuples = new ArrayList<>(merged.values());
        tuples.addAll(leftover);
        return new MappingNode(overlay.getTag(), true, tuples, overlay.getFlowStyle(), overlay.getStartMark(), overlay.getEndMark());
    }
}
