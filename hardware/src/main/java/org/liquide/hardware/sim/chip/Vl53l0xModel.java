package org.liquide.hardware.sim.chip;

import org.liquide.hardware.time.NanoClock;

import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * A VL53L0X at register level: model id 0xEE at 0xC0, a private page selected by 0xFF = 0x01 where 0x91 holds
 * the stop variable (readable only while 0x80 = 0x01), SYSRANGE_START (0x00) starting a measurement or, with
 * SYSTEM_SEQUENCE_CONFIG at 0x01 or 0x02, a VHV or phase calibration; RESULT_INTERRUPT_STATUS (0x13) reporting
 * "new sample ready" only when SYSTEM_INTERRUPT_CONFIG_GPIO (0x0A) asks for it; RESULT_RANGE_STATUS (0x14)
 * with the range at +10. A ranging started without the stop variable restored first fails.
 */
public final class Vl53l0xModel extends RegisterChip {
    public static final int STOP_VARIABLE = 0x3C;
    public static final double MAX_RANGE_MILLIMETRES = 2000;
    static final long TIMING_BUDGET_NANOS = 33_000_000;
    static final long CALIBRATION_NANOS = 5_000_000;

    private final NanoClock clock;
    private final DoubleSupplier distanceMillimetres;
    private final int[] page0 = new int[256];
    private final int[] page1 = new int[256];
    private int page;
    private int powerManagement;
    private boolean stopVariableRestored;
    private long completesAt = -1;
    private Runnable onCompletion;
    private boolean interruptPending;
    private boolean vhvCalibrated;
    private boolean phaseCalibrated;
    private int rangings;

    public Vl53l0xModel(NanoClock clock, DoubleSupplier distanceMillimetres) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.distanceMillimetres = Objects.requireNonNull(distanceMillimetres, "distance");
        page0[0xC0] = 0xEE;
        page0[0xC1] = 0xAA;
        page0[0xC2] = 0x10;
        page0[0x84] = 0x11;
        page0[0x88] = 0x01;
        page1[0x91] = STOP_VARIABLE;
    }

    @Override
    protected void writeRegister(int register, int value) {
        if (register == 0xFF) {
            page = value;
        } else if (register == 0x80) {
            powerManagement = value;
        } else if (page == 0x01) {
            if (register == 0x91) {
                stopVariableRestored = value == STOP_VARIABLE;
            } else {
                page1[register] = value;
            }
        } else if (page == 0x00) {
            writePage0(register, value);
        }
    }

    private void writePage0(int register, int value) {
        switch (register) {
            case 0x00 -> {
                if ((value & 0x01) != 0) {
                    start(value);
                }
            }
            case 0x0B -> {
                if ((value & 0x01) != 0) {
                    interruptPending = false;
                }
            }
            default -> page0[register] = value;
        }
    }

    private void start(int value) {
        update();
        if (completesAt >= 0) {
            return;
        }
        int sequence = page0[0x01];
        long now = clock.nanoTime();
        if (sequence == 0x01 && (value & 0x40) != 0) {
            schedule(now + CALIBRATION_NANOS, () -> vhvCalibrated = true);
        } else if (sequence == 0x02) {
            schedule(now + CALIBRATION_NANOS, () -> phaseCalibrated = true);
        } else {
            boolean restored = stopVariableRestored;
            stopVariableRestored = false;
            schedule(now + TIMING_BUDGET_NANOS, () -> completeRanging(restored));
        }
    }

    private void schedule(long at, Runnable completion) {
        completesAt = at;
        onCompletion = completion;
    }

    private void completeRanging(boolean restored) {
        rangings++;
        double distance = distanceMillimetres.getAsDouble();
        int deviceStatus;
        int range;
        if (!restored) {
            deviceStatus = 0;
            range = 0;
        } else if (!Double.isFinite(distance) || distance > MAX_RANGE_MILLIMETRES) {
            deviceStatus = 4;
            range = 8190;
        } else {
            deviceStatus = 11;
            range = (int) Math.round(Math.max(0, distance));
        }
        for (int i = 0x14; i <= 0x1F; i++) {
            page0[i] = 0;
        }
        page0[0x14] = deviceStatus << 3;
        page0[0x1E] = range >> 8;
        page0[0x1F] = range & 0xFF;
    }

    private void update() {
        if (completesAt >= 0 && clock.nanoTime() - completesAt >= 0) {
            completesAt = -1;
            onCompletion.run();
            interruptPending = true;
        }
    }

    @Override
    protected int readRegister(int register) {
        if (register == 0xFF) {
            return page;
        }
        if (register == 0x80) {
            return powerManagement;
        }
        if (page == 0x01) {
            return register == 0x91 ? (powerManagement == 0x01 ? STOP_VARIABLE : 0x00) : page1[register];
        }
        if (page != 0x00) {
            return 0;
        }
        update();
        return switch (register) {
            case 0x00 -> 0x00;
            case 0x13 -> interruptPending && page0[0x0A] == 0x04 ? 0x04 : 0x00;
            default -> page0[register];
        };
    }

    public boolean calibrated() {
        return vhvCalibrated && phaseCalibrated;
    }

    public int rangings() {
        return rangings;
    }

    /** A register of the normal page, as the chip holds it (for tests). */
    public int register(int register) {
        return page0[register];
    }
}
