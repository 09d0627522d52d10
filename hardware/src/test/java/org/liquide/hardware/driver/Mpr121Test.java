package org.liquide.hardware.driver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.liquide.hardware.sim.chip.Ads1115Model;
import org.liquide.hardware.sim.chip.Mpr121Model;
import org.liquide.hardware.testing.SimRig;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Mpr121Test {
    final SimRig rig = new SimRig();
    final AtomicInteger touched = new AtomicInteger();
    final Mpr121Model chip = new Mpr121Model(touched::get);

    @AfterEach
    void close() {
        rig.close();
    }

    Mpr121 open() throws InterruptedException {
        rig.hardware.attach(1, 0x5A, chip);
        Mpr121 sensor = new Mpr121(rig.board().i2c("touch", 1, 0x5A), rig.clock, 12, 6);
        sensor.init();
        return sensor;
    }

    @Test
    void configuresInStopModeThenRuns() throws InterruptedException {
        open();
        assertEquals(0, chip.ignoredWrites(), "no configuration write while running");
        for (int e = 0; e < 12; e++) {
            assertEquals(12, chip.register(Mpr121.TOUCH_THRESHOLD + 2 * e), "touch threshold " + e);
            assertEquals(6, chip.register(Mpr121.RELEASE_THRESHOLD + 2 * e), "release threshold " + e);
        }
        assertEquals(0x8C, chip.register(Mpr121.ECR), "run mode, baseline from first data, 12 electrodes");
    }

    @Test
    void reportsTheTouchedElectrode() throws InterruptedException {
        Mpr121 sensor = open();
        assertEquals(0, sensor.touchedElectrodes());
        touched.set(1 << 7);
        assertEquals(1 << 7, sensor.touchedElectrodes());
        assertTrue(sensor.isTouched(7));
        assertFalse(sensor.isTouched(6));
        touched.set(1 << 0 | 1 << 11);
        assertEquals(1 << 0 | 1 << 11, sensor.touchedElectrodes(), "electrodes 0 and 11, across both registers");
        touched.set(0);
        assertEquals(0, sensor.touchedElectrodes(), "released");
    }

    @Test
    void exposesFilteredDataAndBaseline() throws InterruptedException {
        Mpr121 sensor = open();
        touched.set(1 << 3);
        assertEquals(Mpr121Model.UNTOUCHED_DATA - Mpr121Model.TOUCH_DROP, sensor.filteredData(3));
        assertEquals(Mpr121Model.UNTOUCHED_DATA, sensor.filteredData(4));
        assertEquals(Mpr121Model.UNTOUCHED_DATA & ~0x03, sensor.baseline(3));
        assertThrows(IllegalArgumentException.class, () -> sensor.filteredData(12));
    }

    @Test
    void thresholdsWrittenWhileRunningAreIgnoredByTheChip() throws InterruptedException {
        Mpr121 sensor = open();
        var i2c = rig.board().context().registry().<com.pi4j.io.i2c.I2C>get("touch");
        i2c.writeRegister(Mpr121.TOUCH_THRESHOLD, (byte) 200);
        assertEquals(1, chip.ignoredWrites());
        assertEquals(12, chip.register(Mpr121.TOUCH_THRESHOLD));
        touched.set(1);
        assertTrue(sensor.isTouched(0));
    }

    @Test
    void anotherChipIsRefused() {
        rig.hardware.attach(1, 0x5A, new Ads1115Model(rig.clock, channel -> 0));
        Mpr121 sensor = new Mpr121(rig.board().i2c("touch", 1, 0x5A), rig.clock, 12, 6);
        DeviceException e = assertThrows(DeviceException.class, sensor::init);
        assertTrue(e.getMessage().contains("CONFIG2"), e.getMessage());
    }

    @Test
    void thresholdsMustHaveHysteresis() {
        assertThrows(IllegalArgumentException.class, () -> new Mpr121(rig.board().i2c("touch", 1, 0x5A), rig.clock, 6, 6));
    }
}
