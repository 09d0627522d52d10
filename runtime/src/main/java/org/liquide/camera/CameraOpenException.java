package org.liquide.camera;

import java.io.IOException;

/** A camera that could not be opened; the message names it and says why. */
public final class CameraOpenException extends IOException {
    public CameraOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
