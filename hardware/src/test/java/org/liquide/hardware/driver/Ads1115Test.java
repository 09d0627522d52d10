package org.liquide.hardware.driver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.liquide.hardware.sim.chip.Ads1115Model;
import org.liquide.hardware.testing.SimRig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ads1115Test {
    final SimRig rig = new SimRig();
    final double[] inputs = {0, 0, 0, 0};
    final Ads1115Model chip = new Ads1115Model(rig.clock, channel -> inputs[channel]);

    @AfterEach
    void close() {
        rig.close();
    }

    Ads1115 open(Ads1115.Gain gain, Ads1115.DataRate rate) {
        rig.hardware.attach(1, 0x48, chip);
        return new Ads1115(rig.board().i2c("adc", 1, 0x48), rig.clock, gain, rate);
    }

    @ParameterizedTest
    @EnumSource(Ads1115.Gain.class)
    void readsASetVoltageAtEveryGain(Ads1115.Gain gain) throws InterruptedException {
        Ads1115 adc = open(gain, Ads1115.DataRate.SPS_860);
        double lsb = gain.fullScaleVolts() / 32768;
        for (double fraction : new double[]{0.0, 0.1, 0.5, 0.9, -0.3}) {
            double volts = Math.min(3.3, fraction * gain.fullScaleVolts());
            inputs[2] = volts;
            assertEquals(volts, adc.volts(2), lsb, gain + " at " + volts + " V");
        }
    }

    @Test
    void eachChannelReadsItsOwnInput() throws InterruptedException {
        Ads1115 adc = open(Ads1115.Gain.FSR_4_096, Ads1115.DataRate.SPS_128);
        inputs[0] = 0.5;
        inputs[1] = 1.0;
        inputs[2] = 2.0;
        inputs[3] = 3.0;
        for (int channel = 0; channel < 4; channel++) {
            assertEquals(inputs[channel], adc.volts(channel), 0.001, "AIN" + channel);
        }
        assertThrows(IllegalArgumentException.class, () -> adc.volts(4));
    }

    @Test
    void inputsBeyondTheRangeSaturate() throws InterruptedException {
        Ads1115 adc = open(Ads1115.Gain.FSR_1_024, Ads1115.DataRate.SPS_128);
        inputs[0] = 3.0;
        assertEquals(32767, adc.rawCount(0));
        assertEquals(1.024, adc.volts(0), 0.001);
    }

    @Test
    void waitsForTheConversionAtTheDataRate() throws InterruptedException {
        Ads1115 adc = open(Ads1115.Gain.FSR_4_096, Ads1115.DataRate.SPS_8);
        inputs[1] = 1.25;
        long before = rig.clock.peekNanos();
        assertEquals(1.25, adc.volts(1), 0.001);
        assertTrue(rig.clock.peekNanos() - before >= 125_000_000L, "8 samples/s: 125 ms a conversion");
        assertEquals(1, chip.conversions());
    }

    @Test
    void configWordFollowsTheDatasheet() {
        // OS=1, MUX=100 (AIN0/GND), PGA=001 (±4.096 V), MODE=1 (single shot), DR=100 (128 SPS), comparator off.
        Ads1115 adc = open(Ads1115.Gain.FSR_4_096, Ads1115.DataRate.SPS_128);
        assertEquals(0xC383, adc.configFor(0));
        assertEquals(0xF383, adc.configFor(3));
        assertEquals(0xC1E3, open2(Ads1115.Gain.FSR_6_144, Ads1115.DataRate.SPS_860).configFor(0));
    }

    private Ads1115 open2(Ads1115.Gain gain, Ads1115.DataRate rate) {
        return new Ads1115(rig.board().i2c("adc2", 1, 0x49), rig.clock, gain, rate);
    }
}
