package org.liquide.hardware.sim.chip;

import org.liquide.hardware.time.NanoClock;

import java.util.Objects;
import java.util.function.IntToDoubleFunction;

/**
 * An ADS1115 at register level: a pointer register (first byte of a write) selecting the conversion (0x00),
 * config (0x01) and threshold registers, all 16 bits, most significant byte first. Writing config with OS = 1
 * in single-shot mode starts a conversion of the input the MUX field selects, at the PGA's full-scale range,
 * that takes 1/DR seconds; OS reads 0 until it is done. Codes saturate at the ends of the range.
 */
public final class Ads1115Model implements I2cDevice {
    private static final double[] FULL_SCALE = {6.144, 4.096, 2.048, 1.024, 0.512, 0.256, 0.256, 0.256};
    private static final int[] SAMPLES_PER_SECOND = {8, 16, 32, 64, 128, 250, 475, 860};

    private final NanoClock clock;
    private final IntToDoubleFunction volts;
    private final int[] registers = {0x0000, 0x8583, 0x8000, 0x7FFF};
    private int pointer;
    private long convertingUntil = -1;
    private int conversions;

    /** @param volts the voltage on AIN0..AIN3 against GND */
    public Ads1115Model(NanoClock clock, IntToDoubleFunction volts) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.volts = Objects.requireNonNull(volts, "volts");
    }

    @Override
    public void write(byte[] data) {
        if (data.length == 0) {
            return;
        }
        pointer = data[0] & 0x03;
        if (data.length >= 3) {
            int value = ((data[1] & 0xFF) << 8) | (data[2] & 0xFF);
            if (pointer == 0x01) {
                writeConfig(value);
            } else if (pointer != 0x00) {
                registers[pointer] = value;
            }
        }
    }

    private void writeConfig(int value) {
        update();
        registers[1] = value & 0x7FFF;
        boolean singleShot = (value & 0x0100) != 0;
        if (singleShot && (value & 0x8000) != 0 && convertingUntil < 0) {
            int rate = SAMPLES_PER_SECOND[(value >> 5) & 0x07];
            convertingUntil = clock.nanoTime() + 1_000_000_000L / rate;
        }
    }

    @Override
    public void read(byte[] buffer, int offset, int length) {
        update();
        int value = switch (pointer) {
            case 0x00 -> (registers[1] & 0x0100) == 0 ? code() : registers[0];
            case 0x01 -> registers[1] | (convertingUntil < 0 ? 0x8000 : 0);
            default -> registers[pointer];
        };
        for (int i = 0; i < length; i++) {
            buffer[offset + i] = (byte) (i % 2 == 0 ? value >> 8 : value);
        }
    }

    private void update() {
        if (convertingUntil >= 0 && clock.nanoTime() - convertingUntil >= 0) {
            convertingUntil = -1;
            registers[0] = code();
            conversions++;
        }
    }

    private int code() {
        int config = registers[1];
        double input = input((config >> 12) & 0x07);
        double fullScale = FULL_SCALE[(config >> 9) & 0x07];
        long code = Math.round(input / fullScale * 32768);
        return (int) Math.max(-32768, Math.min(32767, code)) & 0xFFFF;
    }

    private double input(int mux) {
        return switch (mux) {
            case 0b000 -> volts.applyAsDouble(0) - volts.applyAsDouble(1);
            case 0b001 -> volts.applyAsDouble(0) - volts.applyAsDouble(3);
            case 0b010 -> volts.applyAsDouble(1) - volts.applyAsDouble(3);
            case 0b011 -> volts.applyAsDouble(2) - volts.applyAsDouble(3);
            default -> volts.applyAsDouble(mux - 0b100);
        };
    }

    public int conversions() {
        return conversions;
    }
}
