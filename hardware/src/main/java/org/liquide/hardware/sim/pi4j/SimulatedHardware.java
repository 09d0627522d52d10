package org.liquide.hardware.sim.pi4j;

import org.liquide.hardware.sim.chip.I2cDevice;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What is wired to the simulated Pi: chips on I2C buses by address, lines that the world drives into GPIO
 * inputs, and listeners watching GPIO outputs. The simulated Pi4J providers look things up here.
 */
public final class SimulatedHardware {
    private final Map<Integer, I2cDevice> devices = new ConcurrentHashMap<>();
    private final Map<Integer, BooleanSupplier> inputs = new ConcurrentHashMap<>();
    private final Map<Integer, Consumer<Boolean>> outputs = new ConcurrentHashMap<>();

    public SimulatedHardware attach(int bus, int address, I2cDevice device) {
        if (devices.putIfAbsent(key(bus, address), device) != null) {
            throw new IllegalStateException(String.format("bus %d address 0x%02X is already taken", bus, address));
        }
        return this;
    }

    /** An input pin whose level the world sets. */
    public SimulatedHardware driveInput(int bcm, BooleanSupplier level) {
        if (inputs.putIfAbsent(bcm, level) != null || outputs.containsKey(bcm)) {
            throw new IllegalStateException("GPIO " + bcm + " is already wired");
        }
        return this;
    }

    /** An output pin whose level a chip watches. */
    public SimulatedHardware watchOutput(int bcm, Consumer<Boolean> listener) {
        if (outputs.putIfAbsent(bcm, listener) != null || inputs.containsKey(bcm)) {
            throw new IllegalStateException("GPIO " + bcm + " is already wired");
        }
        return this;
    }

    Optional<I2cDevice> device(int bus, int address) {
        return Optional.ofNullable(devices.get(key(bus, address)));
    }

    Optional<BooleanSupplier> input(int bcm) {
        return Optional.ofNullable(inputs.get(bcm));
    }

    Optional<Consumer<Boolean>> output(int bcm) {
        return Optional.ofNullable(outputs.get(bcm));
    }

    private static int key(int bus, int address) {
        return bus << 8 | address;
    }
}
