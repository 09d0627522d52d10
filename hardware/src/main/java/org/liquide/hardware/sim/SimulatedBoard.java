package org.liquide.hardware.sim;

import org.liquide.hardware.board.Board;
import org.liquide.hardware.node.config.Ads1115Config;
import org.liquide.hardware.node.config.Bh1750Config;
import org.liquide.hardware.node.config.ButtonConfig;
import org.liquide.hardware.node.config.HcSr04Config;
import org.liquide.hardware.node.config.Mpr121Config;
import org.liquide.hardware.node.config.NodeConfig;
import org.liquide.hardware.node.config.PirConfig;
import org.liquide.hardware.node.config.SensorConfig;
import org.liquide.hardware.node.config.Vl53l0xConfig;
import org.liquide.hardware.node.config.Vl53l1xConfig;
import org.liquide.hardware.sim.chip.Ads1115Model;
import org.liquide.hardware.sim.chip.Bh1750Model;
import org.liquide.hardware.sim.chip.HcSr04Model;
import org.liquide.hardware.sim.chip.Mpr121Model;
import org.liquide.hardware.sim.chip.Vl53l0xModel;
import org.liquide.hardware.sim.chip.Vl53l1xModel;
import org.liquide.hardware.sim.pi4j.SimulatedHardware;
import org.liquide.hardware.sim.pi4j.SimulatedPlugin;
import org.liquide.hardware.time.NanoClock;

/**
 * A Raspberry Pi with a node file's sensors wired to it, all simulated: the chips' register models sit on the
 * simulated I2C bus, PIR and button lines and the HC-SR04 on the simulated GPIO, and what they sense comes from
 * {@link Stimuli}. The {@link Board} it gives is a Pi4J context over the simulated plugin, so the node and its
 * drivers run exactly the code they run on a Pi.
 */
public final class SimulatedBoard {
    private SimulatedBoard() {
    }

    /** A board with the node's sensors, sensing {@code stimuli}. */
    public static Board forNode(NodeConfig config, Stimuli stimuli, NanoClock clock) {
        SimulatedHardware hardware = new SimulatedHardware();
        for (SensorConfig sensor : config.sensors()) {
            wire(hardware, sensor, stimuli, clock);
        }
        return of(hardware, clock);
    }

    /** A board over hardware wired by hand (tests of a single chip). */
    public static Board of(SimulatedHardware hardware, NanoClock clock) {
        return new Board(new SimulatedPlugin(hardware).newContext(), clock);
    }

    private static void wire(SimulatedHardware hardware, SensorConfig sensor, Stimuli stimuli, NanoClock clock) {
        String name = sensor.name();
        switch (sensor) {
            case PirConfig pir -> hardware.driveInput(pir.pin(), () -> stimuli.motion(name));
            case ButtonConfig button -> hardware.driveInput(button.pin(),
                    () -> stimuli.pressed(name) != button.activeLow());
            case HcSr04Config hc -> {
                HcSr04Model model = new HcSr04Model(clock, () -> stimuli.distanceMillimetres(name));
                hardware.watchOutput(hc.triggerPin(), model::trigger);
                hardware.driveInput(hc.echoPin(), model::echo);
            }
            case Vl53l0xConfig v -> hardware.attach(v.i2c().bus(), v.i2c().address(),
                    new Vl53l0xModel(clock, () -> stimuli.distanceMillimetres(name)));
            case Vl53l1xConfig v -> hardware.attach(v.i2c().bus(), v.i2c().address(),
                    new Vl53l1xModel(clock, () -> stimuli.distanceMillimetres(name)));
            case Mpr121Config m -> hardware.attach(m.i2c().bus(), m.i2c().address(),
                    new Mpr121Model(() -> stimuli.touchedElectrodes(name)));
            case Ads1115Config a -> hardware.attach(a.i2c().bus(), a.i2c().address(),
                    new Ads1115Model(clock, channel -> stimuli.volts(name, channel)));
            case Bh1750Config b -> hardware.attach(b.i2c().bus(), b.i2c().address(),
                    new Bh1750Model(clock, () -> stimuli.lux(name)));
        }
    }
}
