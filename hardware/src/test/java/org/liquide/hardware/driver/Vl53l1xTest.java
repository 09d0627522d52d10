package org.liquide.hardware.driver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.liquide.hardware.sim.chip.Vl53l1xModel;
import org.liquide.hardware.testing.SimRig;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Vl53l1xTest {
    final SimRig rig = new SimRig();
    final AtomicReference<Double> distance = new AtomicReference<>(1500.0);
    final Vl53l1xModel chip = new Vl53l1xModel(rig.clock, distance::get);

    @AfterEach
    void close() {
        rig.close();
    }

    Vl53l1x open(Duration period) throws InterruptedException {
        rig.hardware.attach(1, 0x29, chip);
        Vl53l1x sensor = new Vl53l1x(rig.board().i2c("tof", 1, 0x29), rig.clock, period);
        sensor.init();
        return sensor;
    }

    @Test
    void initConfiguresAndStartsRanging() throws InterruptedException {
        open(Duration.ofMillis(100));
        assertTrue(chip.isRanging());
        assertEquals(0x20, chip.register(Vl53l1x.SYSTEM_INTERRUPT_CONFIG_GPIO), "new sample ready interrupt");
        assertEquals(0x01, chip.register(Vl53l1x.GPIO_HV_MUX_CTRL), "active-high interrupt");
        assertEquals(0x09, chip.register(Vl53l1x.VHV_CONFIG_TIMEOUT_MACROP_LOOP_BOUND), "VHV bounds frozen");
        assertEquals(0xFF, chip.register(Vl53l1x.ROI_CONFIG_USER_ROI_REQUESTED_GLOBAL_XY_SIZE), "16x16 ROI");
        assertEquals(1, chip.results(), "the first ranging of init");
    }

    @Test
    void readsTheSimulatedDistanceOncePerPeriod() throws InterruptedException {
        Vl53l1x sensor = open(Duration.ofMillis(50));
        for (double millimetres : new double[]{40, 1234.4, 3999}) {
            distance.set(millimetres);
            long before = rig.clock.peekNanos();
            assertEquals(millimetres, sensor.distanceMillimetres().orElseThrow(), 1.0);
            long waited = rig.clock.peekNanos() - before;
            assertTrue(waited >= 45_000_000L && waited <= 60_000_000L, "one 50 ms period, waited " + waited);
        }
    }

    @Test
    void nothingInRangeIsEmpty() throws InterruptedException {
        Vl53l1x sensor = open(Duration.ofMillis(100));
        distance.set(Double.POSITIVE_INFINITY);
        assertFalse(sensor.distanceMillimetres().isPresent());
        distance.set(700.0);
        assertEquals(700, sensor.distanceMillimetres().orElseThrow(), 1.0);
    }

    @Test
    void stopStopsTheChip() throws InterruptedException {
        Vl53l1x sensor = open(Duration.ofMillis(100));
        sensor.stop();
        assertFalse(chip.isRanging());
        assertThrows(IllegalStateException.class, sensor::distanceMillimetres);
    }

    @Test
    void anotherChipIsRefused() {
        // A VL53L0X answers at 0x29 too, but has 8-bit registers: the model id reads back wrong.
        rig.hardware.attach(1, 0x29, new org.liquide.hardware.sim.chip.Vl53l0xModel(rig.clock, () -> 100));
        Vl53l1x sensor = new Vl53l1x(rig.board().i2c("tof", 1, 0x29), rig.clock, Duration.ofMillis(100));
        assertThrows(DeviceException.class, sensor::init);
    }
}
