package org.liquide.hardware.driver;

import com.pi4j.io.i2c.I2C;
import org.liquide.hardware.time.NanoClock;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * ST VL53L1X time-of-flight ranger (up to ~4 m) over I2C, ranging continuously at a fixed inter-measurement
 * period; {@link #distanceMillimetres()} waits for and returns the next result. Its registers have 16-bit
 * addresses, sent most significant byte first.
 *
 * <p>{@link #init()} follows the flow of ST's Ultra Lite Driver:
 * soft-reset (0x0000), wait for the firmware to boot (0x00E5 bit 0), check the
 * model id (0x010F = 0xEACC), configure, run one ranging to let the chip do its VHV calibration,
 * stop, freeze the VHV search bounds (0x0008 = 0x09, 0x000B = 0), then start ranging.
 *
 * <p>Simplified: ST's driver writes a 91-byte default configuration block (0x2D to 0x87), most of it registers
 * ST documents as "not user-modifiable". This driver writes only the fields ST documents, with ST's default values:
 * interrupt polarity and "new sample ready" interrupt, sigma (90 mm) and signal (1 MCPS) thresholds, the full
 * 16×16 region of interest and the inter-measurement period; the rest keeps the chip's power-on values. The
 * distance mode and timing budget (a set of VCSEL and timeout registers) are not changed. Check a real sensor
 * against a tape measure before a show; if it does not range, ST's block is the first thing to add.
 */
public final class Vl53l1x {
    public static final int DEFAULT_ADDRESS = 0x29;
    public static final int MODEL_ID = 0xEACC;
    /** The farthest a VL53L1X ranges (long distance mode, dark conditions). */
    public static final double MAX_RANGE_MILLIMETRES = 4000;

    static final int SOFT_RESET = 0x0000;
    static final int VHV_CONFIG_TIMEOUT_MACROP_LOOP_BOUND = 0x0008;
    static final int VHV_CONFIG_INIT = 0x000B;
    static final int GPIO_HV_MUX_CTRL = 0x0030;
    static final int GPIO_TIO_HV_STATUS = 0x0031;
    static final int SYSTEM_INTERRUPT_CONFIG_GPIO = 0x0046;
    static final int RANGE_CONFIG_SIGMA_THRESH = 0x0064;
    static final int RANGE_CONFIG_MIN_COUNT_RATE_RTN_LIMIT_MCPS = 0x0066;
    static final int SYSTEM_INTERMEASUREMENT_PERIOD = 0x006C;
    static final int ROI_CONFIG_USER_ROI_CENTRE_SPAD = 0x007F;
    static final int ROI_CONFIG_USER_ROI_REQUESTED_GLOBAL_XY_SIZE = 0x0080;
    static final int SYSTEM_INTERRUPT_CLEAR = 0x0086;
    static final int SYSTEM_MODE_START = 0x0087;
    static final int RESULT_RANGE_STATUS = 0x0089;
    static final int RESULT_FINAL_CROSSTALK_CORRECTED_RANGE_MM_SD0 = 0x0096;
    static final int RESULT_OSC_CALIBRATE_VAL = 0x00DE;
    static final int FIRMWARE_SYSTEM_STATUS = 0x00E5;
    static final int IDENTIFICATION_MODEL_ID = 0x010F;

    /** The device's range status 9 is ST's "range valid"; every other value flags the result. */
    private static final int RANGE_STATUS_VALID = 9;
    private static final long POLL_NANOS = 1_000_000;

    private final I2C i2c;
    private final NanoClock clock;
    private final Duration period;
    private boolean ranging;

    /** @param period the inter-measurement period, at least the timing budget (~100 ms by default) */
    public Vl53l1x(I2C i2c, NanoClock clock, Duration period) {
        this.i2c = Objects.requireNonNull(i2c, "i2c");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (period.toMillis() < 20 || period.toMillis() > 10_000) {
            throw new IllegalArgumentException("inter-measurement period must be 20 ms to 10 s");
        }
        this.period = period;
    }

    public void init() throws InterruptedException {
        // A node restarted while the chip was ranging: reset it to configure from a known state.
        write8(SOFT_RESET, 0x00);
        clock.sleepNanos(100_000);
        write8(SOFT_RESET, 0x01);
        clock.sleepNanos(1_000_000);
        await("firmware boot", Duration.ofMillis(100), () -> (read8(FIRMWARE_SYSTEM_STATUS) & 0x01) != 0);
        int model = read16(IDENTIFICATION_MODEL_ID);
        if (model != MODEL_ID) {
            throw new DeviceException(String.format("no VL53L1X at bus %d address 0x%02X: model id 0x%04X,"
                    + " expected 0x%04X", i2c.bus(), i2c.device(), model, MODEL_ID));
        }
        write8(GPIO_HV_MUX_CTRL, 0x01);
        write8(SYSTEM_INTERRUPT_CONFIG_GPIO, 0x20);
        write16(RANGE_CONFIG_SIGMA_THRESH, 90 << 2);
        write16(RANGE_CONFIG_MIN_COUNT_RATE_RTN_LIMIT_MCPS, 1 << 7);
        write8(ROI_CONFIG_USER_ROI_CENTRE_SPAD, 199);
        write8(ROI_CONFIG_USER_ROI_REQUESTED_GLOBAL_XY_SIZE, 0xFF);
        int oscillator = read16(RESULT_OSC_CALIBRATE_VAL) & 0x3FF;
        write32(SYSTEM_INTERMEASUREMENT_PERIOD, (int) (period.toMillis() * oscillator * 1.075));

        start();
        awaitDataReady();
        write8(SYSTEM_INTERRUPT_CLEAR, 0x01);
        stop();
        write8(VHV_CONFIG_TIMEOUT_MACROP_LOOP_BOUND, 0x09);
        write8(VHV_CONFIG_INIT, 0x00);
        start();
    }

    /** Waits for the next measurement: the distance, or empty when nothing valid is within range. */
    public OptionalDouble distanceMillimetres() throws InterruptedException {
        if (!ranging) {
            throw new IllegalStateException("init() first");
        }
        awaitDataReady();
        int status = read8(RESULT_RANGE_STATUS) & 0x1F;
        int range = read16(RESULT_FINAL_CROSSTALK_CORRECTED_RANGE_MM_SD0);
        write8(SYSTEM_INTERRUPT_CLEAR, 0x01);
        return status == RANGE_STATUS_VALID ? OptionalDouble.of(range) : OptionalDouble.empty();
    }

    public void stop() {
        write8(SYSTEM_MODE_START, 0x00);
        ranging = false;
    }

    private void start() {
        write8(SYSTEM_MODE_START, 0x40);
        ranging = true;
    }

    private void awaitDataReady() throws InterruptedException {
        // Bit 4 of GPIO_HV_MUX_CTRL clear means active high: data is ready when bit 0 of the status is 1.
        boolean activeHigh = (read8(GPIO_HV_MUX_CTRL) & 0x10) == 0;
        int ready = activeHigh ? 1 : 0;
        await("measurement", period.multipliedBy(2).plusMillis(200),
                () -> (read8(GPIO_TIO_HV_STATUS) & 0x01) == ready);
    }

    private void await(String what, Duration timeout, java.util.function.BooleanSupplier done)
            throws InterruptedException {
        long deadline = clock.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (clock.nanoTime() - deadline > 0) {
                throw new DeviceException(String.format("VL53L1X at bus %d address 0x%02X: no %s within %d ms",
                        i2c.bus(), i2c.device(), what, timeout.toMillis()));
            }
            clock.sleepNanos(POLL_NANOS);
        }
    }

    private static byte[] address(int register) {
        return new byte[]{(byte) (register >> 8), (byte) register};
    }

    private int read8(int register) {
        byte[] buffer = new byte[1];
        i2c.readRegister(address(register), buffer, 0, 1);
        return buffer[0] & 0xFF;
    }

    private int read16(int register) {
        byte[] buffer = new byte[2];
        i2c.readRegister(address(register), buffer, 0, 2);
        return ((buffer[0] & 0xFF) << 8) | (buffer[1] & 0xFF);
    }

    private void write8(int register, int value) {
        i2c.writeRegister(address(register), new byte[]{(byte) value}, 0, 1);
    }

    private void write16(int register, int value) {
        i2c.writeRegister(address(register), new byte[]{(byte) (value >> 8), (byte) value}, 0, 2);
    }

    private void write32(int register, int value) {
        i2c.writeRegister(address(register),
                new byte[]{(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value}, 0, 4);
    }
}
