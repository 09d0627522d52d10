package org.liquide.hardware.driver;

import com.pi4j.io.i2c.I2C;
import org.liquide.hardware.time.NanoClock;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * ST VL53L0X time-of-flight ranger (up to ~2 m) over I2C, in single-shot ranging.
 *
 * <p>What {@link #init()} does, in the order of ST's API: checks the model id (0xC0 = 0xEE), selects I2C
 * standard mode, reads the <em>stop variable</em> from the private register page (0x80/0xFF/0x00 dance, register
 * 0x91), disables the MSRC and pre-range signal-rate limit checks, sets the final-range signal-rate limit to
 * 0.25 MCPS, routes "new sample ready" to the interrupt status, and runs the VHV and phase reference
 * calibrations. Every measurement restores the stop variable before starting, as ST's single-shot sequence does.
 *
 * <p>Simplified, compared with ST's full initialisation: the reference SPAD selection (read from the chip's NVM
 * and written back to the SPAD enable registers) and ST's tuning-settings table are not applied, and the timing
 * budget is left at the chip's default (~33 ms). The factory SPAD map and defaults do range, with more noise and
 * a shorter maximum range than a fully tuned part, in particular under bright ambient light. For precise work
 * use the VL53L1X, whose driver sets its configuration explicitly.
 */
public final class Vl53l0x {
    public static final int DEFAULT_ADDRESS = 0x29;
    public static final int MODEL_ID = 0xEE;
    /** The farthest a VL53L0X ranges in its default mode, in good conditions. */
    public static final double MAX_RANGE_MILLIMETRES = 2000;
    /** The chip reports 8190/8191 when nothing is in range. */
    private static final int OUT_OF_RANGE_CODE = 8190;
    private static final int RANGE_VALID = 11;

    static final int SYSRANGE_START = 0x00;
    static final int SYSTEM_SEQUENCE_CONFIG = 0x01;
    static final int SYSTEM_INTERRUPT_CONFIG_GPIO = 0x0A;
    static final int SYSTEM_INTERRUPT_CLEAR = 0x0B;
    static final int RESULT_INTERRUPT_STATUS = 0x13;
    static final int RESULT_RANGE_STATUS = 0x14;
    static final int FINAL_RANGE_CONFIG_MIN_COUNT_RATE_RTN_LIMIT = 0x44;
    static final int MSRC_CONFIG_CONTROL = 0x60;
    static final int POWER_MANAGEMENT = 0x80;
    static final int GPIO_HV_MUX_ACTIVE_HIGH = 0x84;
    static final int I2C_MODE = 0x88;
    static final int STOP_VARIABLE = 0x91;
    static final int IDENTIFICATION_MODEL_ID = 0xC0;
    static final int PAGE_SELECT = 0xFF;

    private static final long POLL_NANOS = 1_000_000;
    private static final long TIMEOUT_NANOS = 500_000_000;

    private final Registers registers;
    private final NanoClock clock;
    private int stopVariable = -1;

    public Vl53l0x(I2C i2c, NanoClock clock) {
        this.registers = new Registers(i2c);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void init() throws InterruptedException {
        int model = registers.read8(IDENTIFICATION_MODEL_ID);
        if (model != MODEL_ID) {
            throw new DeviceException(String.format("no VL53L0X at %s: model id 0x%02X, expected 0x%02X",
                    registers.where(), model, MODEL_ID));
        }
        registers.write8(I2C_MODE, 0x00);

        registers.write8(POWER_MANAGEMENT, 0x01);
        registers.write8(PAGE_SELECT, 0x01);
        registers.write8(0x00, 0x00);
        stopVariable = registers.read8(STOP_VARIABLE);
        registers.write8(0x00, 0x01);
        registers.write8(PAGE_SELECT, 0x00);
        registers.write8(POWER_MANAGEMENT, 0x00);

        registers.setBits(MSRC_CONFIG_CONTROL, 0x12);
        registers.write16(FINAL_RANGE_CONFIG_MIN_COUNT_RATE_RTN_LIMIT, (int) (0.25 * (1 << 7)));
        registers.write8(SYSTEM_SEQUENCE_CONFIG, 0xFF);

        registers.write8(SYSTEM_INTERRUPT_CONFIG_GPIO, 0x04);
        registers.clearBits(GPIO_HV_MUX_ACTIVE_HIGH, 0x10);
        registers.write8(SYSTEM_INTERRUPT_CLEAR, 0x01);

        registers.write8(SYSTEM_SEQUENCE_CONFIG, 0x01);
        referenceCalibration(0x40);
        registers.write8(SYSTEM_SEQUENCE_CONFIG, 0x02);
        referenceCalibration(0x00);
        registers.write8(SYSTEM_SEQUENCE_CONFIG, 0xE8);
    }

    /** One measurement: the distance, or empty when nothing is within range. */
    public OptionalDouble distanceMillimetres() throws InterruptedException {
        if (stopVariable < 0) {
            throw new IllegalStateException("init() first");
        }
        registers.write8(POWER_MANAGEMENT, 0x01);
        registers.write8(PAGE_SELECT, 0x01);
        registers.write8(0x00, 0x00);
        registers.write8(STOP_VARIABLE, stopVariable);
        registers.write8(0x00, 0x01);
        registers.write8(PAGE_SELECT, 0x00);
        registers.write8(POWER_MANAGEMENT, 0x00);

        registers.write8(SYSRANGE_START, 0x01);
        await("start", () -> (registers.read8(SYSRANGE_START) & 0x01) == 0);
        await("range", () -> (registers.read8(RESULT_INTERRUPT_STATUS) & 0x07) != 0);

        byte[] result = new byte[12];
        registers.readBlock(RESULT_RANGE_STATUS, result);
        registers.write8(SYSTEM_INTERRUPT_CLEAR, 0x01);

        int deviceStatus = (result[0] & 0x78) >> 3;
        int range = ((result[10] & 0xFF) << 8) | (result[11] & 0xFF);
        if (deviceStatus != RANGE_VALID || range >= OUT_OF_RANGE_CODE) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(range);
    }

    private void referenceCalibration(int vhvInitByte) throws InterruptedException {
        registers.write8(SYSRANGE_START, 0x01 | vhvInitByte);
        await("calibration", () -> (registers.read8(RESULT_INTERRUPT_STATUS) & 0x07) != 0);
        registers.write8(SYSTEM_INTERRUPT_CLEAR, 0x01);
        registers.write8(SYSRANGE_START, 0x00);
    }

    private void await(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = clock.nanoTime() + TIMEOUT_NANOS;
        while (!done.getAsBoolean()) {
            if (clock.nanoTime() - deadline > 0) {
                throw new DeviceException("VL53L0X at " + registers.where() + ": no " + what + " within "
                        + TIMEOUT_NANOS / 1_000_000 + " ms");
            }
            clock.sleepNanos(POLL_NANOS);
        }
    }
}
