package org.liquide.generate.engine;

/** A model could not be loaded: a missing or unreadable file, a malformed model, an engine that refused it. */
public class ModelLoadException extends Exception {
    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
