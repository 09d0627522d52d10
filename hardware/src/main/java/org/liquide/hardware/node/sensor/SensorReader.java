package org.liquide.hardware.node.sensor;

import java.util.List;

/** An opened, initialised sensor that can be read again and again; closing releases its lines and bus. */
public interface SensorReader extends AutoCloseable {
    /** Reads the sensor once; throws on any hardware problem (the node reopens the sensor and retries). */
    List<Sample> read() throws InterruptedException;

    @Override
    void close();
}
