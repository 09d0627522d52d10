package org.liquide.config;

/**
 * One problem in a configuration file (showcase, scene, node), at a 1-based line and column; {@link #toString()} gives
 * {@code file:line:col: message}, the form editors and terminals link to.
 */
public record ConfigError(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
