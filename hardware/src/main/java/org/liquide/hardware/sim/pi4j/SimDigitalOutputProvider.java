package org.liquide.hardware.sim.pi4j;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputConfig;
import com.pi4j.io.gpio.digital.DigitalOutputProviderBase;

/** Pi4J digital output provider over {@link SimulatedHardware}. */
public final class SimDigitalOutputProvider extends DigitalOutputProviderBase {
    public static final String ID = "liquide-sim-digital-output";

    private final SimulatedHardware hardware;

    SimDigitalOutputProvider(SimulatedHardware hardware) {
        super(ID, "Liquide simulated digital output");
        this.hardware = hardware;
    }

    @Override
    public DigitalOutput create(DigitalOutputConfig config) {
        SimDigitalOutput output = new SimDigitalOutput(this, config,
                hardware.output(config.bcm()).orElse(level -> { }));
        context.registry().add(output);
        return output;
    }
}
