package org.liquide.hardware.driver;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import org.liquide.hardware.time.NanoClock;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * HC-SR04 ultrasonic ranger: a 10 µs pulse on TRIG makes it send a 40 kHz burst; ECHO then stays high for the
 * round trip of the sound, about 5.8 µs per millimetre of distance.
 *
 * <h2>Timing jitter: what to expect</h2>
 * This class times ECHO by polling the line from Java on Linux, which is not a real-time system:
 * <ul>
 *   <li>each poll costs a system call (microseconds with the GPIO character device, more through sysfs),
 *       which bounds the resolution to a few millimetres at best;</li>
 *   <li>the kernel may preempt the thread in the middle of a pulse (other processes, interrupts), and the JVM
 *       may pause it (garbage collection, compilation): the pulse then reads long, by tens of microseconds to
 *       milliseconds, i.e. centimetres to tens of centimetres.</li>
 * </ul>
 * Expect about ±1 to 2 cm on a quiet Pi, with occasional far-off outliers; the median over several pings
 * ({@link Settings#samples()}) removes isolated outliers, not a busy CPU. The speed of sound also moves by
 * about 0.17 % per °C, so set the temperature of the room. The module needs ~60 ms between pings for echoes to
 * die out, so a 5-ping median yields at most ~3 readings a second.
 * <p>
 * Prefer a time-of-flight sensor (VL53L1X) when you need better than a couple of centimetres, more than a few
 * readings per second, a narrow field of view, or when the Pi is busy: it times the light in hardware and
 * reports millimetres over I2C, so nothing depends on userspace timing. The HC-SR04 remains good for cheap,
 * wide-cone (about 15°) presence at up to ~4 m.
 */
public final class HcSr04 {
    /** Below this the module cannot separate the echo from its own burst. */
    public static final double MIN_RANGE_MILLIMETRES = 20;
    private static final long TRIGGER_PULSE_NANOS = 10_000;
    /** The burst takes ~200 µs before ECHO rises; a line that never rises means no module is there. */
    private static final long ECHO_START_TIMEOUT_NANOS = 30_000_000;

    private final DigitalOutput trigger;
    private final DigitalInput echo;
    private final NanoClock clock;
    private final Settings settings;
    private final double millimetresPerMicrosecond;
    private long timeouts;

    /**
     * @param samples            pings per reading; the reading is their median
     * @param pingInterval       pause between pings so that the previous echoes die out (datasheet: 60 ms)
     * @param maxMillimetres     beyond this a ping counts as "nothing in range" (the module reaches ~4000 mm)
     * @param temperatureCelsius the air's temperature, for the speed of sound
     */
    public record Settings(int samples, Duration pingInterval, double maxMillimetres, double temperatureCelsius) {
        public static final Settings DEFAULT = new Settings(5, Duration.ofMillis(60), 4000, 20);

        public Settings {
            if (samples < 1) {
                throw new IllegalArgumentException("samples must be at least 1");
            }
            if (maxMillimetres <= MIN_RANGE_MILLIMETRES) {
                throw new IllegalArgumentException("maximum range must exceed " + MIN_RANGE_MILLIMETRES + " mm");
            }
        }
    }

    public HcSr04(DigitalOutput trigger, DigitalInput echo, NanoClock clock, Settings settings) {
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.echo = Objects.requireNonNull(echo, "echo");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.millimetresPerMicrosecond = speedOfSoundMetresPerSecond(settings.temperatureCelsius()) / 1000.0;
        trigger.low();
    }

    public static double speedOfSoundMetresPerSecond(double celsius) {
        return 331.3 + 0.606 * celsius;
    }

    /** The median of {@link Settings#samples()} pings; empty when no ping saw anything within range. */
    public OptionalDouble distanceMillimetres() throws InterruptedException {
        double[] valid = new double[settings.samples()];
        int count = 0;
        for (int i = 0; i < settings.samples(); i++) {
            if (i > 0) {
                clock.sleepNanos(settings.pingInterval().toNanos());
            }
            OptionalDouble ping = ping();
            if (ping.isPresent()) {
                valid[count++] = ping.getAsDouble();
            }
        }
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(median(Arrays.copyOf(valid, count)));
    }

    /** One ping: the distance, or empty when the echo did not come back within range. */
    public OptionalDouble ping() {
        long maxEchoNanos = (long) (2 * settings.maxMillimetres() / millimetresPerMicrosecond * 1000);
        // A previous out-of-range ping can leave ECHO high for up to ~38 ms: let it finish first.
        if (!waitForLevel(false, clock.nanoTime() + ECHO_START_TIMEOUT_NANOS + 40_000_000L)) {
            timeouts++;
            return OptionalDouble.empty();
        }
        trigger.high();
        clock.spinNanos(TRIGGER_PULSE_NANOS);
        trigger.low();
        if (!waitForLevel(true, clock.nanoTime() + ECHO_START_TIMEOUT_NANOS)) {
            timeouts++;
            return OptionalDouble.empty();
        }
        long rise = clock.nanoTime();
        if (!waitForLevel(false, rise + maxEchoNanos)) {
            return OptionalDouble.empty();
        }
        long widthNanos = clock.nanoTime() - rise;
        double millimetres = widthNanos / 1000.0 * millimetresPerMicrosecond / 2;
        return OptionalDouble.of(Math.max(MIN_RANGE_MILLIMETRES, millimetres));
    }

    /** Pings whose echo never started: a disconnected or dead module. */
    public long timeouts() {
        return timeouts;
    }

    private boolean waitForLevel(boolean high, long deadlineNanos) {
        while (echo.isHigh() != high) {
            if (clock.nanoTime() - deadlineNanos > 0) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
