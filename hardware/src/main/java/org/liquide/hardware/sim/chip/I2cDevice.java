package org.liquide.hardware.sim.chip;

/**
 * A chip on a simulated I2C bus, seen the way the bus sees it: write transactions and read transactions.
 * A register read is a write of the register address followed by a read (a repeated start), exactly as the
 * Linux i2c-dev driver issues it. Implementations are called under the bus lock, one transaction at a time.
 */
public interface I2cDevice {
    void write(byte[] data);

    void read(byte[] buffer, int offset, int length);
}
