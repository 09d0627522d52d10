package org.liquide.hardware.sim.chip;

import org.liquide.hardware.time.NanoClock;

import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * A VL53L1X at register level, with 16-bit register addresses (most significant byte first) and an
 * auto-incrementing pointer: firmware status 0x00E5 (bit 0 once booted, 1.2 ms after a soft reset through
 * 0x0000), model id 0xEACC at 0x010F, ranging started by 0x0087 = 0x40 and stopped by 0x00, one result per
 * inter-measurement period (0x006C, in oscillator ticks of 0x00DE × 1.075 per ms), data ready on bit 0 of
 * 0x0031 at the polarity of 0x0030 bit 4, and only when 0x0046 selects "new sample ready" (0x20), cleared by
 * 0x0086 = 0x01. Range status (0x0089) 9 means valid, 4 means no target; range at 0x0096.
 */
public final class Vl53l1xModel implements I2cDevice {
    public static final double MAX_RANGE_MILLIMETRES = 4000;
    static final int OSCILLATOR = 0x01A4;
    static final long BOOT_NANOS = 1_200_000;
    static final long DEFAULT_PERIOD_NANOS = 100_000_000;

    private final NanoClock clock;
    private final DoubleSupplier distanceMillimetres;
    private final byte[] registers = new byte[0x10000];
    private int pointer;
    private long bootedAt;
    private boolean inReset;
    private boolean ranging;
    private long nextResultAt;
    private boolean dataReady;
    private int results;

    public Vl53l1xModel(NanoClock clock, DoubleSupplier distanceMillimetres) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.distanceMillimetres = Objects.requireNonNull(distanceMillimetres, "distance");
        powerOn();
        bootedAt = clock.nanoTime();
    }

    private void powerOn() {
        java.util.Arrays.fill(registers, (byte) 0);
        set16(0x010F, 0xEACC);
        set16(0x00DE, OSCILLATOR);
        registers[0x0030] = 0x11;
        registers[0x0000] = 0x01;
        ranging = false;
        dataReady = false;
    }

    @Override
    public void write(byte[] data) {
        if (data.length < 2) {
            return;
        }
        pointer = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        for (int i = 2; i < data.length; i++) {
            writeRegister(pointer, data[i] & 0xFF);
            pointer = (pointer + 1) & 0xFFFF;
        }
    }

    @Override
    public void read(byte[] buffer, int offset, int length) {
        update();
        for (int i = 0; i < length; i++) {
            buffer[offset + i] = (byte) readRegister(pointer);
            pointer = (pointer + 1) & 0xFFFF;
        }
    }

    private void writeRegister(int register, int value) {
        if (register == 0x0000) {
            if (value == 0x00) {
                inReset = true;
            } else if (inReset) {
                inReset = false;
                powerOn();
                bootedAt = clock.nanoTime();
            }
            return;
        }
        if (inReset || !booted()) {
            return;
        }
        switch (register) {
            case 0x0086 -> {
                if ((value & 0x01) != 0) {
                    dataReady = false;
                }
            }
            case 0x0087 -> {
                if (value == 0x40 && !ranging) {
                    ranging = true;
                    nextResultAt = clock.nanoTime() + periodNanos();
                } else if (value == 0x00) {
                    ranging = false;
                }
            }
            default -> registers[register] = (byte) value;
        }
    }

    private int readRegister(int register) {
        if (register == 0x00E5) {
            return booted() && !inReset ? 0x03 : 0x00;
        }
        if (register == 0x0031) {
            boolean activeHigh = (registers[0x0030] & 0x10) == 0;
            boolean signalled = dataReady && (registers[0x0046] & 0xFF) == 0x20;
            return signalled == activeHigh ? 0x01 : 0x00;
        }
        return registers[register] & 0xFF;
    }

    private boolean booted() {
        return clock.nanoTime() - bootedAt >= BOOT_NANOS;
    }

    private void update() {
        if (!ranging) {
            return;
        }
        long now = clock.nanoTime();
        if (now - nextResultAt < 0) {
            return;
        }
        long period = periodNanos();
        long missed = (now - nextResultAt) / period;
        nextResultAt += (missed + 1) * period;
        // The chip does not overwrite a result the host has not cleared.
        if (!dataReady) {
            produceResult();
        }
    }

    private void produceResult() {
        results++;
        double distance = distanceMillimetres.getAsDouble();
        if (!Double.isFinite(distance) || distance > MAX_RANGE_MILLIMETRES) {
            registers[0x0089] = 4;
            set16(0x0096, 0);
        } else {
            registers[0x0089] = 9;
            set16(0x0096, (int) Math.round(Math.max(0, distance)));
        }
        dataReady = true;
    }

    private long periodNanos() {
        long ticks = ((registers[0x006C] & 0xFFL) << 24) | ((registers[0x006D] & 0xFFL) << 16)
                | ((registers[0x006E] & 0xFFL) << 8) | (registers[0x006F] & 0xFFL);
        if (ticks == 0) {
            return DEFAULT_PERIOD_NANOS;
        }
        double millis = ticks / (OSCILLATOR * 1.075);
        return Math.max(1_000_000L, (long) (millis * 1_000_000));
    }

    private void set16(int register, int value) {
        registers[register] = (byte) (value >> 8);
        registers[register + 1] = (byte) value;
    }

    /** A register as the chip holds it (for tests). */
    public int register(int register) {
        return readRegister(register);
    }

    public boolean isRanging() {
        return ranging;
    }

    public int results() {
        return results;
    }
}
