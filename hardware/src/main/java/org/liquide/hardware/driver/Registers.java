package org.liquide.hardware.driver;

import com.pi4j.io.i2c.I2C;

import java.util.Objects;

/** Byte and big-endian word access to a chip with 8-bit register addresses. */
final class Registers {
    private final I2C i2c;

    Registers(I2C i2c) {
        this.i2c = Objects.requireNonNull(i2c, "i2c");
    }

    int read8(int register) {
        byte[] buffer = new byte[1];
        readBlock(register, buffer);
        return buffer[0] & 0xFF;
    }

    int read16(int register) {
        byte[] buffer = new byte[2];
        readBlock(register, buffer);
        return ((buffer[0] & 0xFF) << 8) | (buffer[1] & 0xFF);
    }

    void readBlock(int register, byte[] buffer) {
        int read = i2c.readRegister(register, buffer, 0, buffer.length);
        if (read < buffer.length) {
            throw new DeviceException(String.format("short read at register 0x%02X: %d of %d bytes",
                    register, read, buffer.length));
        }
    }

    void write8(int register, int value) {
        i2c.writeRegister(register, (byte) value);
    }

    void write16(int register, int value) {
        i2c.writeRegister(register, new byte[]{(byte) (value >> 8), (byte) value});
    }

    void setBits(int register, int mask) {
        write8(register, read8(register) | mask);
    }

    void clearBits(int register, int mask) {
        write8(register, read8(register) & ~mask);
    }

    String where() {
        return String.format("bus %d address 0x%02X", i2c.bus(), i2c.device());
    }
}
