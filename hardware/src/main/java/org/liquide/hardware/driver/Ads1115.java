package org.liquide.hardware.driver;

import com.pi4j.io.i2c.I2C;
import org.liquide.hardware.time.NanoClock;

import java.util.Objects;

/**
 * TI ADS1115 16-bit, 4-channel analog-to-digital converter over I2C, read single-ended (AINx against GND) in
 * single-shot mode: each {@link #volts(int)} writes the config register with OS = 1 to start a conversion,
 * waits one conversion time at the data rate, polls OS until the conversion is done and reads the conversion
 * register.
 *
 * <p>The gain sets the full-scale range; inputs must stay between GND and VDD whatever the gain, so with the
 * chip powered from 3.3 V the ±6.144 V and ±4.096 V ranges still only read up to 3.3 V.
 */
public final class Ads1115 {
    public static final int DEFAULT_ADDRESS = 0x48;
    public static final int CHANNELS = 4;

    static final int CONVERSION = 0x00;
    static final int CONFIG = 0x01;
    static final int OS = 1 << 15;
    static final int MUX_SINGLE_ENDED_AIN0 = 0b100;
    static final int MODE_SINGLE_SHOT = 1 << 8;
    static final int COMPARATOR_DISABLED = 0b11;

    /** PGA bits 11:9 and the full-scale range they give. */
    public enum Gain {
        FSR_6_144(0b000, 6.144),
        FSR_4_096(0b001, 4.096),
        FSR_2_048(0b010, 2.048),
        FSR_1_024(0b011, 1.024),
        FSR_0_512(0b100, 0.512),
        FSR_0_256(0b101, 0.256);

        final int bits;
        final double fullScaleVolts;

        Gain(int bits, double fullScaleVolts) {
            this.bits = bits;
            this.fullScaleVolts = fullScaleVolts;
        }

        public double fullScaleVolts() {
            return fullScaleVolts;
        }

        /** The gain whose full-scale range is exactly {@code volts} (6.144, 4.096, ... 0.256). */
        public static Gain forFullScale(double volts) {
            for (Gain gain : values()) {
                if (Math.abs(gain.fullScaleVolts - volts) < 1e-9) {
                    return gain;
                }
            }
            throw new IllegalArgumentException("no ADS1115 range of " + volts + " V");
        }
    }

    /** DR bits 7:5 and the samples per second they give. */
    public enum DataRate {
        SPS_8(0b000, 8), SPS_16(0b001, 16), SPS_32(0b010, 32), SPS_64(0b011, 64),
        SPS_128(0b100, 128), SPS_250(0b101, 250), SPS_475(0b110, 475), SPS_860(0b111, 860);

        final int bits;
        final int samplesPerSecond;

        DataRate(int bits, int samplesPerSecond) {
            this.bits = bits;
            this.samplesPerSecond = samplesPerSecond;
        }

        public int samplesPerSecond() {
            return samplesPerSecond;
        }

        public long conversionNanos() {
            return 1_000_000_000L / samplesPerSecond;
        }

        public static DataRate forSamplesPerSecond(int sps) {
            for (DataRate rate : values()) {
                if (rate.samplesPerSecond == sps) {
                    return rate;
                }
            }
            throw new IllegalArgumentException("no ADS1115 data rate of " + sps + " samples per second");
        }
    }

    private final Registers registers;
    private final NanoClock clock;
    private final Gain gain;
    private final DataRate rate;

    public Ads1115(I2C i2c, NanoClock clock, Gain gain, DataRate rate) {
        this.registers = new Registers(i2c);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gain = Objects.requireNonNull(gain, "gain");
        this.rate = Objects.requireNonNull(rate, "rate");
    }

    /** The voltage on AIN{@code channel} against GND. */
    public double volts(int channel) throws InterruptedException {
        return rawCount(channel) * gain.fullScaleVolts / 32768.0;
    }

    /** One single-shot conversion of AIN{@code channel}: a signed count, 32767 at the top of the range. */
    public int rawCount(int channel) throws InterruptedException {
        if (channel < 0 || channel >= CHANNELS) {
            throw new IllegalArgumentException("channel " + channel + " is not 0 to 3");
        }
        registers.write16(CONFIG, configFor(channel));
        // The internal oscillator may run up to 10% slow: wait a little longer than one conversion.
        clock.sleepNanos(rate.conversionNanos() + rate.conversionNanos() / 10 + 50_000);
        long deadline = clock.nanoTime() + 3 * rate.conversionNanos() + 10_000_000L;
        while ((registers.read16(CONFIG) & OS) == 0) {
            if (clock.nanoTime() - deadline > 0) {
                throw new DeviceException("ADS1115 at " + registers.where() + ": conversion did not finish");
            }
            clock.sleepNanos(100_000);
        }
        return (short) registers.read16(CONVERSION);
    }

    int configFor(int channel) {
        return OS
                | (MUX_SINGLE_ENDED_AIN0 + channel) << 12
                | gain.bits << 9
                | MODE_SINGLE_SHOT
                | rate.bits << 5
                | COMPARATOR_DISABLED;
    }
}
