package org.liquide.hardware.driver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.liquide.hardware.sim.chip.Mpr121Model;
import org.liquide.hardware.sim.chip.Vl53l0xModel;
import org.liquide.hardware.testing.SimRig;

import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Vl53l0xTest {
    final SimRig rig = new SimRig();
    final AtomicReference<Double> distance = new AtomicReference<>(500.0);
    final Vl53l0xModel chip = new Vl53l0xModel(rig.clock, distance::get);

    @AfterEach
    void close() {
        rig.close();
    }

    Vl53l0x open() throws InterruptedException {
        rig.hardware.attach(1, 0x29, chip);
        Vl53l0x sensor = new Vl53l0x(rig.board().i2c("tof", 1, 0x29), rig.clock);
        sensor.init();
        return sensor;
    }

    @Test
    void initRunsTheReferenceCalibrationsAndConfiguresTheInterrupt() throws InterruptedException {
        open();
        assertTrue(chip.calibrated(), "VHV and phase calibrations");
        assertEquals(0x04, chip.register(Vl53l0x.SYSTEM_INTERRUPT_CONFIG_GPIO), "new sample ready interrupt");
        assertEquals(0xE8, chip.register(Vl53l0x.SYSTEM_SEQUENCE_CONFIG));
        assertEquals(0x12, chip.register(Vl53l0x.MSRC_CONFIG_CONTROL) & 0x12, "limit checks off");
        assertEquals(0x00, chip.register(Vl53l0x.I2C_MODE), "standard I2C mode");
        assertEquals(0, chip.register(Vl53l0x.GPIO_HV_MUX_ACTIVE_HIGH) & 0x10, "interrupt active low");
    }

    @Test
    void readsTheSimulatedDistance() throws InterruptedException {
        Vl53l0x sensor = open();
        for (double millimetres : new double[]{30, 412.4, 1000, 1999}) {
            distance.set(millimetres);
            long before = rig.clock.peekNanos();
            OptionalDouble reading = sensor.distanceMillimetres();
            assertTrue(reading.isPresent(), "a target at " + millimetres + " mm");
            assertEquals(millimetres, reading.getAsDouble(), 1.0);
            assertTrue(rig.clock.peekNanos() - before >= 33_000_000L, "waited for the 33 ms timing budget");
        }
        assertEquals(4, chip.rangings());
    }

    @Test
    void nothingInRangeIsEmpty() throws InterruptedException {
        Vl53l0x sensor = open();
        distance.set(2500.0);
        assertFalse(sensor.distanceMillimetres().isPresent());
        distance.set(Double.POSITIVE_INFINITY);
        assertFalse(sensor.distanceMillimetres().isPresent());
        distance.set(800.0);
        assertEquals(800, sensor.distanceMillimetres().orElseThrow(), 1.0);
    }

    @Test
    void rangingWithoutTheStopVariableRestoredFailsOnTheChip() throws InterruptedException {
        // What a driver that skipped the 0x80/0xFF/0x00/0x91 sequence would see: the chip's status is not valid.
        open();
        var i2c = rig.board().context().registry().<com.pi4j.io.i2c.I2C>get("tof");
        i2c.writeRegister(Vl53l0x.SYSRANGE_START, (byte) 0x01);
        rig.clock.advanceMillis(40);
        assertEquals(0x04, i2c.readRegister(Vl53l0x.RESULT_INTERRUPT_STATUS) & 0x07);
        assertEquals(0, (i2c.readRegister(Vl53l0x.RESULT_RANGE_STATUS) & 0x78) >> 3, "device range status");
    }

    @Test
    void anotherChipAtTheAddressIsRefused() {
        rig.hardware.attach(1, 0x29, new Mpr121Model(() -> 0));
        Vl53l0x sensor = new Vl53l0x(rig.board().i2c("tof", 1, 0x29), rig.clock);
        DeviceException e = assertThrows(DeviceException.class, sensor::init);
        assertTrue(e.getMessage().contains("model id 0x00, expected 0xEE"), e.getMessage());
    }

    @Test
    void noChipAtTheAddressFailsLikeANack() {
        Vl53l0x sensor = new Vl53l0x(rig.board().i2c("tof", 1, 0x29), rig.clock);
        RuntimeException e = assertThrows(RuntimeException.class, sensor::init);
        assertTrue(String.valueOf(e.getCause()).contains("NACK"), String.valueOf(e));
    }
}
