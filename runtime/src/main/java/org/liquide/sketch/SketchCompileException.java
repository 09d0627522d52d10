package org.liquide.sketch;

import org.liquide.config.ConfigError;

import java.util.List;
import java.util.stream.Collectors;

/** A sketch that does not compile; one {@code file:line:col: message} per error of javac's, or one about the file. */
public final class SketchCompileException extends Exception {
    private final List<ConfigError> errors;

    public SketchCompileException(List<ConfigError> errors) {
        super(errors.stream().map(ConfigError::toString).collect(Collectors.joining(System.lineSeparator())));
        this.errors = List.copyOf(errors);
    }

    /** A problem with the file as a whole (unreadable, no such class), located at its first line. */
    public SketchCompileException(String file, String message) {
        this(List.of(new ConfigError(file, 1, 1, message)));
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
