package org.liquide.hardware.driver;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liquide.hardware.sim.chip.HcSr04Model;
import org.liquide.hardware.testing.SimRig;
import org.liquide.hardware.time.ManualNanoClock;

import java.time.Duration;
import java.util.PrimitiveIterator;
import java.util.function.DoubleSupplier;
import java.util.stream.DoubleStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HcSr04Test {
    // Each read of the clock costs 1 µs of virtual time, as polling a GPIO line does: 0.17 mm of resolution.
    final SimRig rig = new SimRig(new ManualNanoClock(0, 1_000));
    static final HcSr04.Settings FIVE_PINGS = new HcSr04.Settings(5, Duration.ofMillis(60), 4000, 20);
    static final HcSr04.Settings ONE_PING = new HcSr04.Settings(1, Duration.ofMillis(60), 4000, 20);

    @AfterEach
    void close() {
        rig.close();
    }

    HcSr04 wire(DoubleSupplier distance, HcSr04.Settings settings) {
        HcSr04Model module = new HcSr04Model(rig.clock, distance);
        rig.hardware.watchOutput(23, module::trigger);
        rig.hardware.driveInput(24, module::echo);
        return open(settings);
    }

    HcSr04 open(HcSr04.Settings settings) {
        return new HcSr04(rig.board().output("trig", 23, DigitalState.LOW),
                rig.board().input("echo", 24, PullResistance.PULL_DOWN), rig.clock, settings);
    }

    @ParameterizedTest
    @ValueSource(doubles = {25, 300, 1234, 3900})
    void measuresTheDistance(double millimetres) throws InterruptedException {
        HcSr04 sensor = wire(() -> millimetres, FIVE_PINGS);
        // The model's sound travels at 343.4 m/s, what the driver assumes at 20 °C: only polling resolution is left.
        assertEquals(millimetres, sensor.distanceMillimetres().orElseThrow(), 1.0);
    }

    @Test
    void theMedianRemovesOutliers() throws InterruptedException {
        PrimitiveIterator.OfDouble pings = DoubleStream.of(1000, 2600, 1004, 80, 996).iterator();
        HcSr04 sensor = wire(pings::nextDouble, FIVE_PINGS);
        assertEquals(1000, sensor.distanceMillimetres().orElseThrow(), 1.0);
    }

    @Test
    void pingsAreSpacedSoThatEchoesDieOut() throws InterruptedException {
        HcSr04 sensor = wire(() -> 500, FIVE_PINGS);
        long before = rig.clock.peekNanos();
        sensor.distanceMillimetres();
        assertTrue(rig.clock.peekNanos() - before >= 4 * 60_000_000L);
    }

    @Test
    void nothingInRangeIsEmptyButNotATimeout() throws InterruptedException {
        HcSr04 sensor = wire(() -> Double.POSITIVE_INFINITY, new HcSr04.Settings(3, Duration.ofMillis(60), 4000, 20));
        assertFalse(sensor.distanceMillimetres().isPresent());
        assertEquals(0, sensor.timeouts(), "the echo started; it was just too long");
    }

    @Test
    void beyondTheConfiguredMaximumIsEmpty() throws InterruptedException {
        HcSr04 sensor = wire(() -> 2500, new HcSr04.Settings(1, Duration.ofMillis(60), 2000, 20));
        assertFalse(sensor.distanceMillimetres().isPresent());
    }

    @Test
    void aMissingModuleTimesOut() throws InterruptedException {
        HcSr04 sensor = open(new HcSr04.Settings(3, Duration.ofMillis(60), 4000, 20));
        long before = rig.clock.peekNanos();
        assertFalse(sensor.distanceMillimetres().isPresent());
        assertEquals(3, sensor.timeouts());
        assertTrue(rig.clock.peekNanos() - before < 500_000_000L, "gave up within the echo timeout");
    }

    @Test
    void aCooledRoomReadsWithItsOwnSpeedOfSound() throws InterruptedException {
        // Configured for 0 °C while the simulated air is at 20 °C: readings come out 3.5% short, as they would.
        HcSr04 sensor = wire(() -> 2000, new HcSr04.Settings(1, Duration.ofMillis(60), 4000, 0));
        assertEquals(2000 * 331.3 / 343.4, sensor.distanceMillimetres().orElseThrow(), 1.0);
    }

    @Test
    void speedOfSoundFollowsTemperature() {
        assertEquals(343.4, HcSr04.speedOfSoundMetresPerSecond(20), 0.1);
        assertEquals(331.3, HcSr04.speedOfSoundMetresPerSecond(0), 0.1);
    }

    @Test
    void medianOfEvenCountAveragesTheMiddle() {
        assertEquals(2.5, HcSr04.median(new double[]{4, 1, 3, 2}));
        assertEquals(3, HcSr04.median(new double[]{5, 3, 1}));
    }

    @Test
    void onePingIsOneMeasurement() throws InterruptedException {
        HcSr04 sensor = wire(() -> 640, ONE_PING);
        assertEquals(640, sensor.ping().orElseThrow(), 1.0);
    }
}
