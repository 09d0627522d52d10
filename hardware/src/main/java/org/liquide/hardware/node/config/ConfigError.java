package org.liquide.hardware.node.config;

/**
 * One problem in a node file, at a 1-based line and column; {@link #toString()} gives
 * {@code file:line:col: message}, the form editors and terminals link to.
 */
public record ConfigError(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
