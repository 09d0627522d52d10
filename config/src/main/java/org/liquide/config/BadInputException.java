package org.liquide.config;

/**
 * The person running a command gave something unusable (a missing file, a camera that cannot be opened,
 * an invalid configuration). Its message is printed as is, and the command exits with 2.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
