package org.liquide.hardware.board;

/** The machine offers no way to reach GPIO or I2C (no Pi4J provider, not a Pi). */
public class BoardUnavailableException extends RuntimeException {
    public BoardUnavailableException(String message) {
        super(message);
    }
}
