package org.liquide.hardware.sim.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalInputProviderBase;
import com.pi4j.io.gpio.digital.PullResistance;

import java.util.function.BooleanSupplier;

/** Pi4J digital input provider over {@link SimulatedHardware}; an unwired pin floats to its pull. */
public final class SimDigitalInputProvider extends DigitalInputProviderBase {
    public static final String ID = "liquide-sim-digital-input";

    private final SimulatedHardware hardware;

    SimDigitalInputProvider(SimulatedHardware hardware) {
        super(ID, "Liquide simulated digital input");
        this.hardware = hardware;
    }

    @Override
    public DigitalInput create(DigitalInputConfig config) {
        boolean pulledUp = config.pull() == PullResistance.PULL_UP;
        BooleanSupplier level = hardware.input(config.bcm()).orElse(() -> pulledUp);
        SimDigitalInput input = new SimDigitalInput(this, config, level);
        context.registry().add(input);
        return input;
    }
}
