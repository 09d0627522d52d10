package org.liquide.render.gl;

/** OpenGL or EGL setup failed; the message says which call and why. */
public final class GlException extends RuntimeException {
    public GlException(String message) {
        super(message);
    }

    public GlException(String message, Throwable cause) {
        super(message, cause);
    }
}
