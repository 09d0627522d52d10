package org.liquide.hardware.driver;

import com.pi4j.io.i2c.I2C;
import org.liquide.hardware.time.NanoClock;

import java.util.Objects;

/**
 * NXP MPR121 12-electrode capacitive touch controller over I2C. The chip does the detection itself: it tracks a
 * baseline per electrode and flags a touch when the filtered data falls below it by more than the touch
 * threshold (and a release when the difference comes back under the release threshold).
 *
 * <p>Configuration registers can only be written in stop mode, so {@link #init()} soft-resets the chip,
 * enters stop mode (ECR = 0), writes thresholds, the baseline filter (NXP AN3944 values), and the charge
 * settings, then enters run mode with the baseline loaded from the first measurement and all 12 electrodes on.
 */
public final class Mpr121 {
    public static final int DEFAULT_ADDRESS = 0x5A;
    public static final int ELECTRODES = 12;

    static final int TOUCH_STATUS = 0x00;
    static final int FILTERED_DATA = 0x04;
    static final int BASELINE = 0x1E;
    static final int MHDR = 0x2B;
    static final int TOUCH_THRESHOLD = 0x41;
    static final int RELEASE_THRESHOLD = 0x42;
    static final int DEBOUNCE = 0x5B;
    static final int CONFIG1 = 0x5C;
    static final int CONFIG2 = 0x5D;
    static final int ECR = 0x5E;
    static final int SOFT_RESET = 0x80;
    static final int SOFT_RESET_KEY = 0x63;
    /** CONFIG2 holds this right after a reset: the cheapest check that an MPR121 answered. */
    static final int CONFIG2_RESET_VALUE = 0x24;
    /** Baseline loaded from the first 5 bits of data (CL = 10), ELEPROX off, electrodes 0 to 11 on. */
    static final int ECR_RUN_ALL_ELECTRODES = 0x80 | ELECTRODES;

    /** MHDR..FDLT (0x2B..0x35): rising, falling and touched baseline filters, NXP AN3944 defaults. */
    private static final int[] BASELINE_FILTER = {0x01, 0x01, 0x0E, 0x00, 0x01, 0x05, 0x01, 0x00, 0x00, 0x00, 0x00};

    private final Registers registers;
    private final NanoClock clock;
    private final int touchThreshold;
    private final int releaseThreshold;

    /**
     * @param touchThreshold   0-255; NXP suggests 4 to 16, higher for thick covers and long wires
     * @param releaseThreshold 0-255, below the touch threshold for hysteresis
     */
    public Mpr121(I2C i2c, NanoClock clock, int touchThreshold, int releaseThreshold) {
        this.registers = new Registers(i2c);
        this.clock = Objects.requireNonNull(clock, "clock");
        if (touchThreshold < 1 || touchThreshold > 255 || releaseThreshold < 0 || releaseThreshold >= touchThreshold) {
            throw new IllegalArgumentException("need 0 <= release < touch <= 255, got touch " + touchThreshold
                    + " release " + releaseThreshold);
        }
        this.touchThreshold = touchThreshold;
        this.releaseThreshold = releaseThreshold;
    }

    public void init() throws InterruptedException {
        registers.write8(SOFT_RESET, SOFT_RESET_KEY);
        clock.sleepNanos(1_000_000);
        int config2 = registers.read8(CONFIG2);
        if (config2 != CONFIG2_RESET_VALUE) {
            throw new DeviceException(String.format("no MPR121 at %s: CONFIG2 reads 0x%02X after reset, expected"
                    + " 0x%02X", registers.where(), config2, CONFIG2_RESET_VALUE));
        }
        registers.write8(ECR, 0x00);
        for (int electrode = 0; electrode < ELECTRODES; electrode++) {
            registers.write8(TOUCH_THRESHOLD + 2 * electrode, touchThreshold);
            registers.write8(RELEASE_THRESHOLD + 2 * electrode, releaseThreshold);
        }
        for (int i = 0; i < BASELINE_FILTER.length; i++) {
            registers.write8(MHDR + i, BASELINE_FILTER[i]);
        }
        registers.write8(DEBOUNCE, 0x00);
        registers.write8(CONFIG1, 0x10);
        registers.write8(CONFIG2, 0x20);
        registers.write8(ECR, ECR_RUN_ALL_ELECTRODES);
    }

    /** Bit n set when electrode n is touched. */
    public int touchedElectrodes() {
        byte[] status = new byte[2];
        registers.readBlock(TOUCH_STATUS, status);
        return ((status[1] & 0x0F) << 8) | (status[0] & 0xFF);
    }

    public boolean isTouched(int electrode) {
        checkElectrode(electrode);
        return (touchedElectrodes() & (1 << electrode)) != 0;
    }

    /** The electrode's filtered 10-bit measurement; it drops when touched. */
    public int filteredData(int electrode) {
        checkElectrode(electrode);
        byte[] data = new byte[2];
        registers.readBlock(FILTERED_DATA + 2 * electrode, data);
        return ((data[1] & 0x03) << 8) | (data[0] & 0xFF);
    }

    /** The electrode's baseline, 10-bit scale (the chip stores its upper 8 bits). */
    public int baseline(int electrode) {
        checkElectrode(electrode);
        return registers.read8(BASELINE + electrode) << 2;
    }

    private static void checkElectrode(int electrode) {
        if (electrode < 0 || electrode >= ELECTRODES) {
            throw new IllegalArgumentException("electrode " + electrode + " is not 0 to 11");
        }
    }
}
