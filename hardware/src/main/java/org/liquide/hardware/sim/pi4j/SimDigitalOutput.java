package org.liquide.hardware.sim.pi4j;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputBase;
import com.pi4j.io.gpio.digital.DigitalOutputConfig;
import com.pi4j.io.gpio.digital.DigitalOutputProvider;
import com.pi4j.io.gpio.digital.DigitalState;

import java.util.function.Consumer;

/** A GPIO output whose every level change is passed to the chip watching the pin. */
final class SimDigitalOutput extends DigitalOutputBase {
    private final Consumer<Boolean> watcher;

    SimDigitalOutput(DigitalOutputProvider provider, DigitalOutputConfig config, Consumer<Boolean> watcher) {
        super(provider, config);
        this.watcher = watcher;
    }

    @Override
    public DigitalOutput state(DigitalState state) {
        super.state(state);
        watcher.accept(state.isHigh());
        return this;
    }
}
