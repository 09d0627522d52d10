package org.liquide.hardware.sim.pi4j;

import com.pi4j.io.exception.IOException;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CBase;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import org.liquide.hardware.sim.chip.I2cDevice;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A Pi4J I2C device on the simulated bus. Every call becomes the I2C transactions the Linux i2c-dev driver
 * would issue: register reads are a write of the register address then a read. With no chip at the address
 * every transfer fails, as a NACK does on a Pi.
 */
final class SimI2C extends I2CBase<SimI2CBus> implements I2C {
    private final Optional<I2cDevice> device;

    SimI2C(I2CProvider provider, I2CConfig config, SimI2CBus bus, Optional<I2cDevice> device) {
        super(provider, config, bus);
        this.device = device;
    }

    private I2cDevice chip() {
        return device.orElseThrow(() -> new IOException(String.format(
                "no device answered at address 0x%02X on I2C bus %d (NACK)", device(), bus())));
    }

    private void transmit(byte[] data) {
        execute(() -> {
            chip().write(data);
            return null;
        });
    }

    private void receive(byte[] buffer, int offset, int length) {
        execute(() -> {
            chip().read(buffer, offset, length);
            return null;
        });
    }

    private void transmitThenReceive(byte[] data, byte[] buffer, int offset, int length) {
        execute(() -> {
            I2cDevice chip = chip();
            chip.write(data);
            chip.read(buffer, offset, length);
            return null;
        });
    }

    private static byte[] concat(byte[] head, byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        byte[] all = Arrays.copyOf(head, head.length + length);
        System.arraycopy(data, offset, all, head.length, length);
        return all;
    }

    @Override
    public int write(byte b) {
        transmit(new byte[]{b});
        return 1;
    }

    @Override
    public int write(byte[] data, int offset, int length) {
        transmit(concat(new byte[0], data, offset, length));
        return length;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        receive(one, 0, 1);
        return one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        receive(buffer, offset, length);
        return length;
    }

    @Override
    public void writeThenRead(byte[] writeBuffer, int writeOffset, int writeLength, int readDelayNanos,
                              byte[] readBuffer, int readOffset, int readLength) {
        byte[] data = writeLength > 0 ? concat(new byte[0], writeBuffer, writeOffset, writeLength) : null;
        if (data != null && readLength > 0) {
            transmitThenReceive(data, readBuffer, readOffset, readLength);
        } else if (data != null) {
            transmit(data);
        } else if (readLength > 0) {
            receive(readBuffer, readOffset, readLength);
        }
    }

    @Override
    public int writeRegister(int register, byte b) {
        transmit(new byte[]{(byte) register, b});
        return 1;
    }

    @Override
    public int writeRegister(int register, byte[] data, int offset, int length) {
        transmit(concat(new byte[]{(byte) register}, data, offset, length));
        return length;
    }

    @Override
    public int writeRegister(byte[] register, byte[] data, int offset, int length) {
        transmit(concat(register, data, offset, length));
        return length;
    }

    @Override
    public int readRegister(int register) {
        byte[] one = new byte[1];
        transmitThenReceive(new byte[]{(byte) register}, one, 0, 1);
        return one[0] & 0xFF;
    }

    @Override
    public int readRegister(int register, byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        transmitThenReceive(new byte[]{(byte) register}, buffer, offset, length);
        return length;
    }

    @Override
    public int readRegister(byte[] register, byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        transmitThenReceive(register.clone(), buffer, offset, length);
        return length;
    }
}
