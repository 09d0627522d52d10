package org.liquide.scene;

/** A scene that cannot be prepared (a sketch that does not compile, an unreadable image...). */
public final class ScenePreparationException extends Exception {
    public ScenePreparationException(String message, Throwable cause) {
        super(message, cause);
    }
}
