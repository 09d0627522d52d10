package org.liquide.config;

import org.snakeyaml.engine.v2.nodes.Node;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** A path in a configuration file: {@code ~/} is the home folder, a relative path is relative to the file's folder. */
public final class ConfigPath {
    private ConfigPath() {
    }

    public static Optional<Path> read(Node node, String key, Path base, Problems problems) {
        Optional<String> text = Scalars.text(node, key, "a path", problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            String t = text.get();
            return Optional.of(t.startsWith("~/") ? Path.of(System.getProperty("user.home"), t.substring(2)) : base.resolve(t).normalize());
        } catch (InvalidPathException e) {
            problems.at(node, "'" + key + "' is not a usable path: " + e.getMessage());
            return Optional.empty();
        }
    }
}
