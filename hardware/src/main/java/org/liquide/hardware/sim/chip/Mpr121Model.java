package org.liquide.hardware.sim.chip;

import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * An MPR121 at register level. Soft reset (0x80 = 0x63) restores the reset values (CONFIG2 = 0x24, stop mode).
 * In run mode (ECR bits 5:0 non-zero) only ECR, the GPIO registers and soft reset accept writes; everything
 * else is ignored, as on the chip, so thresholds written outside stop mode have no effect. Entering run mode
 * with CL = 1x loads each baseline from the current data. Touch status (0x00, 0x01) compares baseline minus
 * filtered data with each electrode's touch and release thresholds.
 */
public final class Mpr121Model extends RegisterChip {
    public static final int UNTOUCHED_DATA = 720;
    public static final int TOUCH_DROP = 90;
    private static final int ELECTRODES = 12;

    private final IntSupplier touchedMask;
    private final int[] registers = new int[256];
    private final int[] baseline = new int[ELECTRODES];
    private int touchState;
    private int ignoredWrites;

    /** @param touchedMask bit n set while a finger is on electrode n */
    public Mpr121Model(IntSupplier touchedMask) {
        this.touchedMask = Objects.requireNonNull(touchedMask, "touched");
        reset();
    }

    private void reset() {
        java.util.Arrays.fill(registers, 0);
        java.util.Arrays.fill(baseline, 0);
        registers[0x5C] = 0x10;
        registers[0x5D] = 0x24;
        touchState = 0;
    }

    private boolean runMode() {
        return (registers[0x5E] & 0x3F) != 0;
    }

    private int enabledElectrodes() {
        int enabled = registers[0x5E] & 0x0F;
        return Math.min(enabled, ELECTRODES);
    }

    @Override
    protected void writeRegister(int register, int value) {
        if (register == 0x80) {
            if (value == 0x63) {
                reset();
            }
            return;
        }
        if (register == 0x5E) {
            boolean wasRunning = runMode();
            registers[0x5E] = value;
            if (!wasRunning && runMode() && (value >> 6) >= 2) {
                for (int e = 0; e < ELECTRODES; e++) {
                    baseline[e] = UNTOUCHED_DATA & ~0x03;
                }
            }
            if (!runMode()) {
                touchState = 0;
            }
            return;
        }
        if (runMode() && (register < 0x73 || register > 0x7A)) {
            ignoredWrites++;
            return;
        }
        registers[register] = value;
    }

    @Override
    protected int readRegister(int register) {
        if (register <= 0x01) {
            updateTouchState();
            return register == 0x00 ? touchState & 0xFF : (touchState >> 8) & 0x0F;
        }
        if (register >= 0x04 && register <= 0x1D) {
            int electrode = (register - 0x04) / 2;
            int data = filteredData(electrode);
            return (register - 0x04) % 2 == 0 ? data & 0xFF : (data >> 8) & 0x03;
        }
        if (register >= 0x1E && register <= 0x29) {
            return baseline[register - 0x1E] >> 2;
        }
        return registers[register];
    }

    private int filteredData(int electrode) {
        if (!runMode() || electrode >= enabledElectrodes()) {
            return 0;
        }
        boolean touched = (touchedMask.getAsInt() & (1 << electrode)) != 0;
        return touched ? UNTOUCHED_DATA - TOUCH_DROP : UNTOUCHED_DATA;
    }

    private void updateTouchState() {
        if (!runMode()) {
            touchState = 0;
            return;
        }
        for (int e = 0; e < enabledElectrodes(); e++) {
            int delta = baseline[e] - filteredData(e);
            int touchThreshold = registers[0x41 + 2 * e];
            int releaseThreshold = registers[0x42 + 2 * e];
            boolean touched = (touchState & (1 << e)) != 0;
            if (!touched && delta > touchThreshold) {
                touchState |= 1 << e;
            } else if (touched && delta < releaseThreshold) {
                touchState &= ~(1 << e);
            }
        }
    }

    /** Writes the chip ignored because it was in run mode. */
    public int ignoredWrites() {
        return ignoredWrites;
    }

    public int register(int register) {
        return registers[register];
    }
}
