package org.liquide.hardware.driver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.liquide.hardware.sim.chip.Bh1750Model;
import org.liquide.hardware.testing.SimRig;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Bh1750Test {
    final SimRig rig = new SimRig();
    final AtomicReference<Double> lux = new AtomicReference<>(320.0);
    final Bh1750Model chip = new Bh1750Model(rig.clock, lux::get);

    @AfterEach
    void close() {
        rig.close();
    }

    Bh1750 open(Bh1750.Mode mode) throws InterruptedException {
        rig.hardware.attach(1, 0x23, chip);
        Bh1750 sensor = new Bh1750(rig.board().i2c("light", 1, 0x23), rig.clock, mode);
        sensor.init();
        return sensor;
    }

    @Test
    void continuousHighResolutionReadsLux() throws InterruptedException {
        Bh1750 sensor = open(Bh1750.Mode.CONTINUOUS_HIGH_RES);
        assertEquals(320, sensor.lux(), 1 / 1.2);
        lux.set(12.5);
        rig.clock.advanceMillis(130);
        assertEquals(12.5, sensor.lux(), 1 / 1.2);
        lux.set(54612.0);
        rig.clock.advanceMillis(130);
        assertEquals(54612, sensor.lux(), 1 / 1.2, "the top of the range: 65535 / 1.2");
    }

    @Test
    void modeTwoHasHalfLuxResolution() throws InterruptedException {
        Bh1750 sensor = open(Bh1750.Mode.CONTINUOUS_HIGH_RES_2);
        lux.set(0.8);
        rig.clock.advanceMillis(130);
        assertEquals(0.8, sensor.lux(), 0.5 / 1.2);
    }

    @Test
    void oneTimeModeMeasuresThenPowersDown() throws InterruptedException {
        Bh1750 sensor = open(Bh1750.Mode.ONE_TIME_HIGH_RES);
        lux.set(150.0);
        long before = rig.clock.peekNanos();
        assertEquals(150, sensor.lux(), 1 / 1.2);
        assertTrue(rig.clock.peekNanos() - before >= 120_000_000L, "waited for the measurement");
        assertFalse(chip.powered(), "powered down after a one-time measurement");
        lux.set(75.0);
        assertEquals(75, sensor.lux(), 1 / 1.2);
        assertEquals(2, chip.measurements());
    }

    @Test
    void initWaitsForTheFirstMeasurement() throws InterruptedException {
        long before = rig.clock.peekNanos();
        Bh1750 sensor = open(Bh1750.Mode.CONTINUOUS_LOW_RES);
        assertTrue(rig.clock.peekNanos() - before >= 16_000_000L);
        assertEquals(320, sensor.lux(), 1 / 1.2);
    }
}
