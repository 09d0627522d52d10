package org.liquide.hardware.sim.pi4j;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProviderBase;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Pi4J I2C provider over {@link SimulatedHardware}. */
public final class SimI2CProvider extends I2CProviderBase {
    public static final String ID = "liquide-sim-i2c";

    private final SimulatedHardware hardware;
    private final Map<Integer, SimI2CBus> buses = new ConcurrentHashMap<>();

    SimI2CProvider(SimulatedHardware hardware) {
        super(ID, "Liquide simulated I2C");
        this.hardware = hardware;
    }

    @Override
    public I2C create(I2CConfig config) {
        SimI2CBus bus = buses.computeIfAbsent(config.bus(), b -> new SimI2CBus(config));
        SimI2C i2c = new SimI2C(this, config, bus, hardware.device(config.bus(), config.device()));
        context.registry().add(i2c);
        return i2c;
    }
}
