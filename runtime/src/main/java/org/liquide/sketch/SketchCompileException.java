package org.liquide.sketch;

/** A sketch that does not compile; the message lists javac's errors as {@code file:line: message}. */
public final class SketchCompileException extends Exception {
    public SketchCompileException(String message) {
        super(message);
    }
}
