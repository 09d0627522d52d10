package org.liquide.config;

/** A text file that could not be read as text: missing, not a regular file, too large, not UTF-8; where, and why. */
public final class UnreadableTextException extends Exception {
    private final ConfigError error;

    public UnreadableTextException(ConfigError error) {
        super(error.toString(), null, false, false);
        this.error = error;
    }

    public ConfigError error() {
        return error;
    }
}
