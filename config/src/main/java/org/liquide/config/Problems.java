package org.liquide.config;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Collects every error of one file with its position, so that all are reported at once. A node read from
 * another file (the file it includes, {@link YamlOverlay}) is reported in that file.
 */
public final class Problems {
    private final String file;
    private final List<ConfigError> errors = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    /** The file the errors are located in. */
    public String file() {
        return file;
    }

    public void at(Node node, String message) {
        at(node.getStartMark(), message);
    }

    public void at(Optional<Mark> mark, String message) {
        int line = mark.map(m -> m.getLine() + 1).orElse(1);
        int column = mark.map(m -> m.getColumn() + 1).orElse(1);
        String where = mark.map(Mark::getName).filter(name -> !name.isBlank()).orElse(file);
        errors.add(new ConfigError(where, line, column, message));
    }

    /** Takes the errors of another file read for this one (the file it includes). */
    public void addAll(Problems other) {
        errors.addAll(other.errors);
    }

    public void atStart(String message) {
        at(1, 1, message);
    }

    /** At a 1-based line and column. */
    public void at(int line, int column, String message) {
        errors.add(new ConfigError(file, line, column, message));
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public List<ConfigError> inFileOrder() {
        return errors.stream()
                .sorted(Comparator.comparing((ConfigError e) -> !e.file().equals(file)).thenComparing(ConfigError::file)
                        .thenComparingInt(ConfigError::line).thenComparingInt(ConfigError::column))
                .toList();
    }
}
