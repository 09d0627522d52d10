package org.liquide.hardware.sim.pi4j;

import com.pi4j.io.gpio.digital.DigitalInputBase;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalInputProvider;
import com.pi4j.io.gpio.digital.DigitalState;

import java.util.function.BooleanSupplier;

/** A GPIO input whose level is read from the simulated world each time it is sampled. */
final class SimDigitalInput extends DigitalInputBase {
    private final BooleanSupplier level;

    SimDigitalInput(DigitalInputProvider provider, DigitalInputConfig config, BooleanSupplier level) {
        super(provider, config);
        this.level = level;
    }

    @Override
    public DigitalState state() {
        return DigitalState.getState(level.getAsBoolean());
    }
}
