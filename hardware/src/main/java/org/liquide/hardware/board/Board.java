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

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
     * The Raspberry Pi this runs on, with the Pi4J providers found on the class path.
     *
     * @throws BoardUnavailableException when no provider for GPIO or I2C is on the class path
     */
    public static Board raspberryPi() {
        Context context = Pi4J.newAutoContext();
        List<String> missing = new ArrayList<>();
        for (IOType type : List.of(IOType.I2C, IOType.DIGITAL_INPUT, IOType.DIGITAL_OUTPUT)) {
            if (!context.providers().exists(type)) {
                missing.add(type.name());
            }
        }
        if (!missing.isEmpty()) {
            context.shutdown();
            throw new BoardUnavailableException("no Pi4J provider for " + String.join(", ", missing)
                    + ": put pi4j-plugin-linuxfs and pi4j-plugin-gpiod (build with -Ppi) or pi4j-plugin-ffm"
                    + " (-Pffm) on the class path, or run with --simulate");
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
