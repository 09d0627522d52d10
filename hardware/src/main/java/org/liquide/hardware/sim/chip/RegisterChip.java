package org.liquide.hardware.sim.chip;

/**
 * A chip with 8-bit register addresses and an auto-incrementing register pointer: the first byte of a write
 * sets the pointer, following bytes are written to consecutive registers; a read returns consecutive
 * registers from the pointer.
 */
abstract class RegisterChip implements I2cDevice {
    private int pointer;

    @Override
    public final void write(byte[] data) {
        if (data.length == 0) {
            return;
        }
        pointer = data[0] & 0xFF;
        for (int i = 1; i < data.length; i++) {
            writeRegister(pointer, data[i] & 0xFF);
            pointer = (pointer + 1) & 0xFF;
        }
    }

    @Override
    public final void read(byte[] buffer, int offset, int length) {
        for (int i = 0; i < length; i++) {
            buffer[offset + i] = (byte) readRegister(pointer);
            pointer = (pointer + 1) & 0xFF;
        }
    }

    protected abstract void writeRegister(int register, int value);

    protected abstract int readRegister(int register);
}
