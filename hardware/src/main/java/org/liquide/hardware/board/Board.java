package org.liquide.hardware.board;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.IO;
import com.pi4j.io.IOType;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.i2c.I2C;
import org.liquide.hardware.time.NanoClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The GPIO lines and I2C buses of one machine, through a Pi4J {@link Context}: a Raspberry Pi's, or the
 * simulated board's. Drivers are built on what this opens and never see which it is.
 */
public final class Board implements AutoCloseable {
    private final Context context;
    private final NanoClock clock;

    public Board(Context context, NanoClock clock) {
        this.context = Objects.requireNonNull(context, "context");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The Raspberry Pi this runs on, with the Pi4J providers found on the class path, checked for what a node
     * needs: its I2C buses ({@code /dev/i2c-N}, through the linuxfs provider) and, for sensors on GPIO lines, the
     * GPIO character device ({@code /dev/gpiochip0}, through the gpiod provider).
     *
     * @throws BoardUnavailableException when a provider is not on the class path or its device is not on this
     *                                   machine; the message says which, and what to do
     */
    public static Board raspberryPi(Set<Integer> i2cBuses, boolean gpio) {
        Context context = Pi4J.newAutoContext();
        List<String> noProvider = new ArrayList<>();
        for (IOType type : List.of(IOType.I2C, IOType.DIGITAL_INPUT, IOType.DIGITAL_OUTPUT)) {
            if (!context.providers().exists(type)) {
                noProvider.add(type.name());
            }
        }
        if (!noProvider.isEmpty()) {
            context.shutdown();
            throw new BoardUnavailableException("no Pi4J provider for " + String.join(", ", noProvider)
                    + ": the node's lib/ folder needs pi4j-plugin-linuxfs and pi4j-plugin-gpiod with their libraries"
                    + " (./mvnw -pl hardware -am -Ppi package -DskipTests), or run with --simulate");
        }
        List<String> missing = new ArrayList<>();
        for (int bus : new TreeSet<>(i2cBuses)) {
            if (!Files.exists(Path.of("/dev/i2c-" + bus))) {
                missing.add("/dev/i2c-" + bus + " (I2C bus " + bus + ", for the linuxfs provider)");
            }
        }
        if (gpio && !Files.exists(Path.of("/dev/gpiochip0"))) {
            missing.add("/dev/gpiochip0 (GPIO, for the gpiod provider)");
        }
        if (!missing.isEmpty()) {
            context.shutdown();
            throw new BoardUnavailableException("this machine has no " + String.join(" and no ", missing)
                    + ": run the node on a Raspberry Pi (with I2C enabled: raspi-config, Interface Options), or with"
                    + " --simulate");
        }
        return new Board(context, NanoClock.system());
    }

    public I2C i2c(String id, int bus, int address) {
        return context.create(I2C.newConfigBuilder(context).id(id).bus(bus).device(address).build());
    }

    public DigitalInput input(String id, int bcm, PullResistance pull) {
        return context.create(DigitalInput.newConfigBuilder(context).id(id).bcm(bcm).pull(pull).build());
    }

    public DigitalOutput output(String id, int bcm, DigitalState initial) {
        return context.create(DigitalOutput.newConfigBuilder(context).id(id).bcm(bcm)
                .initial(initial).shutdown(initial).build());
    }

    /**
     * Closes a line or device opened here and frees its id and address for opening again. Prefer this to
     * {@code io.close()}: Pi4J's I2C close does not remove the device from the context's registry.
     */
    public void release(IO<?, ?, ?> io) {
        if (context.registry().exists(io.id())) {
            context.shutdown(io.id());
        } else {
            io.close();
        }
    }

    public NanoClock clock() {
        return clock;
    }

    public Context context() {
        return context;
    }

    /** Releases every line and bus opened through this board. */
    @Override
    public void close() {
        if (!context.isShutdown()) {
            context.shutdown();
        }
    }
}
