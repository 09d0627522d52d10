package org.liquide.hardware.driver;

/** A chip answered, but not as it should: wrong identity, no result before the deadline. */
public class DeviceException extends RuntimeException {
    public DeviceException(String message) {
        super(message);
    }
}
