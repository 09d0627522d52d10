package org.liquide.hardware.sim.chip;

import org.liquide.hardware.time.NanoClock;

import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * A BH1750: one-byte opcodes (power down 0x00, power on 0x01, reset 0x07 which clears the data register and
 * only works powered on, continuous 0x10/0x11/0x13, one-time 0x20/0x21/0x23 which power down when done) and a
 * 2-byte read of the data register. A measurement takes 120 ms in high-resolution modes, 16 ms in low
 * resolution; until the first one completes the register reads 0. count = lux × 1.2 (× 2 in mode 2).
 */
public final class Bh1750Model implements I2cDevice {
    private final NanoClock clock;
    private final DoubleSupplier lux;
    private boolean powered;
    private int mode = -1;
    private long measuringSince;
    private long measurementNanos;
    private boolean measuring;
    private int data;
    private int measurements;

    public Bh1750Model(NanoClock clock, DoubleSupplier lux) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lux = Objects.requireNonNull(lux, "lux");
    }

    @Override
    public void write(byte[] opcodes) {
        for (byte b : opcodes) {
            opcode(b & 0xFF);
        }
    }

    private void opcode(int opcode) {
        update();
        switch (opcode) {
            case 0x00 -> {
                powered = false;
                measuring = false;
            }
            case 0x01 -> powered = true;
            case 0x07 -> {
                if (powered) {
                    data = 0;
                }
            }
            case 0x10, 0x11, 0x13, 0x20, 0x21, 0x23 -> {
                powered = true;
                mode = opcode;
                measuring = true;
                measuringSince = clock.nanoTime();
                measurementNanos = (opcode & 0x0F) == 0x03 ? 16_000_000L : 120_000_000L;
            }
            default -> {
                // Measurement-time (MTreg) opcodes: not modelled.
            }
        }
    }

    @Override
    public void read(byte[] buffer, int offset, int length) {
        update();
        for (int i = 0; i < length; i++) {
            buffer[offset + i] = (byte) (i == 0 ? data >> 8 : i == 1 ? data : 0xFF);
        }
    }

    private void update() {
        if (!measuring) {
            return;
        }
        long now = clock.nanoTime();
        if (now - measuringSince < measurementNanos) {
            return;
        }
        double count = lux.getAsDouble() * 1.2 * ((mode & 0x0F) == 0x01 ? 2 : 1);
        data = (int) Math.max(0, Math.min(65535, Math.round(count)));
        measurements++;
        if ((mode & 0x20) != 0) {
            measuring = false;
            powered = false;
        } else {
            measuringSince += ((now - measuringSince) / measurementNanos) * measurementNanos;
        }
    }

    public boolean powered() {
        return powered;
    }

    public int measurements() {
        return measurements;
    }
}
