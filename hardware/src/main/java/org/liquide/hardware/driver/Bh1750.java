package org.liquide.hardware.driver;

import com.pi4j.io.i2c.I2C;
import org.liquide.hardware.time.NanoClock;

import java.util.Objects;

/**
 * ROHM BH1750 ambient light sensor over I2C. It has no registers: the host writes one-byte opcodes and reads
 * the 16-bit result back. lux = count / 1.2 with the default measurement time (and / 2 again in the 0.5 lx
 * high-resolution mode 2).
 *
 * <p>Continuous modes measure again and again (read the latest at any time); one-time modes measure once and
 * power down, which saves a little power but costs a full measurement time per reading. Changing the
 * measurement time (MTreg) for more sensitivity is not supported.
 */
public final class Bh1750 {
    /** ADDR pin low; 0x5C with ADDR high. */
    public static final int DEFAULT_ADDRESS = 0x23;
    static final int POWER_DOWN = 0x00;
    static final int POWER_ON = 0x01;
    static final int RESET = 0x07;

    public enum Mode {
        CONTINUOUS_HIGH_RES(0x10, 180, 1),
        CONTINUOUS_HIGH_RES_2(0x11, 180, 2),
        CONTINUOUS_LOW_RES(0x13, 24, 1),
        ONE_TIME_HIGH_RES(0x20, 180, 1),
        ONE_TIME_HIGH_RES_2(0x21, 180, 2),
        ONE_TIME_LOW_RES(0x23, 24, 1);

        final int opcode;
        /** The datasheet's maximum measurement time. */
        final int maxMillis;
        final int divisor;

        Mode(int opcode, int maxMillis, int divisor) {
            this.opcode = opcode;
            this.maxMillis = maxMillis;
            this.divisor = divisor;
        }

        /** The datasheet's maximum measurement time in this mode. */
        public int maxMillis() {
            return maxMillis;
        }

        boolean oneTime() {
            return (opcode & 0x20) != 0;
        }
    }

    private final I2C i2c;
    private final NanoClock clock;
    private final Mode mode;

    public Bh1750(I2C i2c, NanoClock clock, Mode mode) {
        this.i2c = Objects.requireNonNull(i2c, "i2c");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    public void init() throws InterruptedException {
        opcode(POWER_ON);
        opcode(RESET);
        if (!mode.oneTime()) {
            opcode(mode.opcode);
            clock.sleepNanos(mode.maxMillis * 1_000_000L);
        }
    }

    public double lux() throws InterruptedException {
        if (mode.oneTime()) {
            opcode(POWER_ON);
            opcode(mode.opcode);
            clock.sleepNanos(mode.maxMillis * 1_000_000L);
        }
        byte[] result = new byte[2];
        int read = i2c.read(result, 0, 2);
        if (read < 2) {
            throw new DeviceException(String.format("BH1750 at bus %d address 0x%02X: short read (%d bytes)",
                    i2c.bus(), i2c.device(), read));
        }
        int count = ((result[0] & 0xFF) << 8) | (result[1] & 0xFF);
        return count / 1.2 / mode.divisor;
    }

    public void powerDown() {
        opcode(POWER_DOWN);
    }

    private void opcode(int opcode) {
        i2c.write((byte) opcode);
    }
}
