package org.liquide.hardware.sim.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.extension.Plugin;
import com.pi4j.extension.PluginService;
import com.pi4j.provider.Provider;

import java.util.Objects;

/**
 * The simulated board as a Pi4J plugin: I2C, digital input and digital output providers over one
 * {@link SimulatedHardware}. Pi4J 4 publishes no mock plugin, so this is what tests and rehearsals use.
 *
 * <p>It is not registered for {@link java.util.ServiceLoader} discovery: a plugin found on the class path
 * could not know which simulated hardware to talk to. Build a context with {@link #newContext()} instead.
 */
public final class SimulatedPlugin implements Plugin {
    private final Provider<?, ?, ?>[] providers;

    public SimulatedPlugin(SimulatedHardware hardware) {
        Objects.requireNonNull(hardware, "hardware");
        this.providers = new Provider<?, ?, ?>[]{
                new SimI2CProvider(hardware),
                new SimDigitalInputProvider(hardware),
                new SimDigitalOutputProvider(hardware),
        };
    }

    @Override
    public void initialize(PluginService service) {
        service.register(providers.clone());
    }

    @Override
    public boolean isMock() {
        return true;
    }

    public Provider<?, ?, ?>[] providers() {
        return providers.clone();
    }

    /** A Pi4J context with this plugin's providers only: nothing auto-detected, no shutdown hook. */
    public Context newContext() {
        return Pi4J.newContextBuilder().noAutoDetect().add(providers()).build();
    }
}
