package org.liquide.hardware.node;

import com.pi4j.io.i2c.I2CBusBase;
import org.liquide.hardware.node.config.SensorConfig;

import java.util.Locale;

/** How a failed sensor read reads in the log: the failure and its causes, each in words a technician can act on. */
final class ReadFailure {
    /**
     * Pi4J 4.0 builds this message with {@code String.format} over {@code MessageFormat} placeholders, so the
     * bus and the timeout never reach it; the sensor's own configuration has them.
     */
    private static final String PI4J_LOCK_TIMEOUT = "Failed to get I2C lock on bus {0}";

    private ReadFailure() {
    }

    static String describe(Throwable e, SensorConfig sensor) {
        StringBuilder text = new StringBuilder(message(e, sensor));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(message(cause, sensor));
        }
        return text.toString();
    }

    private static String message(Throwable e, SensorConfig sensor) {
        String message = String.valueOf(e.getMessage());
        if (!message.startsWith(PI4J_LOCK_TIMEOUT)) {
            return message;
        }
        String bus = sensor.i2cAddress().map(address -> "I2C bus " + address.bus()).orElse("the I2C bus");
        return bus + " stayed busy for more than " + I2CBusBase.DEFAULT_LOCK_ACQUIRE_TIMEOUT + " "
                + I2CBusBase.DEFAULT_LOCK_ACQUIRE_TIMEOUT_UNITS.name().toLowerCase(Locale.ROOT)
                + " (another transfer on it did not finish; the read is tried again)";
    }
}
