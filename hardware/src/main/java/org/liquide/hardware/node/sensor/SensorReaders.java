package org.liquide.hardware.node.sensor;

import com.pi4j.io.IO;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.i2c.I2C;
import org.liquide.hardware.board.Board;
import org.liquide.hardware.driver.Ads1115;
import org.liquide.hardware.driver.Bh1750;
import org.liquide.hardware.driver.DeviceException;
import org.liquide.hardware.driver.HcSr04;
import org.liquide.hardware.driver.Mpr121;
import org.liquide.hardware.driver.PirMotionSensor;
import org.liquide.hardware.driver.PushButton;
import org.liquide.hardware.driver.Vl53l0x;
import org.liquide.hardware.driver.Vl53l1x;
import org.liquide.hardware.node.config.Ads1115Config;
import org.liquide.hardware.node.config.Bh1750Config;
import org.liquide.hardware.node.config.ButtonConfig;
import org.liquide.hardware.node.config.HcSr04Config;
import org.liquide.hardware.node.config.I2cAddress;
import org.liquide.hardware.node.config.Mpr121Config;
import org.liquide.hardware.node.config.PirConfig;
import org.liquide.hardware.node.config.SensorConfig;
import org.liquide.hardware.node.config.Vl53l0xConfig;
import org.liquide.hardware.node.config.Vl53l1xConfig;
import org.liquide.hardware.wire.SensorValue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Opens the driver a sensor's configuration describes, on a board, and turns its readings into samples:
 * PIR and buttons as booleans, ranging sensors as millimetres (their maximum range when nothing is in front of
 * them), touch as 12 numbers (1 touched, 0 not), ADC inputs as volts on channels {@code a0}..{@code a3}, light as
 * lux.
 */
public final class SensorReaders {

    private SensorReaders() {
    }

    /** The channels a sensor's readings are published on, as {@link #open} reads them; empty: only on the sensor's own topic. */
    public static List<String> channels(SensorConfig config) {
        return config instanceof Ads1115Config a ? a.channels().stream().map(Ads1115Config::channelName).toList() : List.of();
    }

    /** Opens and initialises the sensor; on failure everything opened so far is released. */
    public static SensorReader open(SensorConfig config, Board board) throws InterruptedException {
        var opened = new ArrayList<IO<?, ?, ?>>();
        try {
            return open(config, board, opened);
        } catch (RuntimeException | InterruptedException e) {
            closeAll(board, opened);
            throw e;
        }
    }

    private static SensorReader open(SensorConfig config, Board board, List<IO<?, ?, ?>> opened)
            throws InterruptedException {
        String name = config.name();
        return switch (config) {
            case PirConfig pir -> {
                DigitalInput line = track(opened, board.input(name, pir.pin(), PullResistance.PULL_DOWN));
                PirMotionSensor sensor = new PirMotionSensor(line, pir.debounce(), pir.hold(), board.clock());
                yield reader(board, opened, () -> List.of(Sample.of(SensorValue.of(sensor.motion()))));
            }
            case ButtonConfig button -> {
                DigitalInput line = track(opened, board.input(name, button.pin(), button.pull()));
                PushButton sensor = new PushButton(line, button.activeLow(), button.debounce(), board.clock());
                yield reader(board, opened, () -> List.of(Sample.of(SensorValue.of(sensor.pressed()))));
            }
            case HcSr04Config hc -> {
                DigitalOutput trigger = track(opened, board.output(name + "-trigger", hc.triggerPin(), DigitalState.LOW));
                DigitalInput echo = track(opened, board.input(name + "-echo", hc.echoPin(), PullResistance.PULL_DOWN));
                HcSr04 sensor = new HcSr04(trigger, echo, board.clock(), hc.settings());
                yield reader(board, opened, () -> {
                    long timeoutsBefore = sensor.timeouts();
                    OptionalDouble distance = sensor.distanceMillimetres();
                    if (sensor.timeouts() - timeoutsBefore == hc.settings().samples()) {
                        throw new DeviceException("HC-SR04 '" + name + "': no echo pulse on GPIO " + hc.echoPin()
                                + " for any ping; check the wiring, the divider and the 5 V supply");
                    }
                    return distanceSample(distance, hc.settings().maxMillimetres());
                });
            }
            case Vl53l0xConfig v -> {
                Vl53l0x sensor = new Vl53l0x(track(opened, i2c(board, name, v.i2c())), board.clock());
                sensor.init();
                yield reader(board, opened,
                        () -> distanceSample(sensor.distanceMillimetres(), Vl53l0x.MAX_RANGE_MILLIMETRES));
            }
            case Vl53l1xConfig v -> {
                Vl53l1x sensor = new Vl53l1x(track(opened, i2c(board, name, v.i2c())), board.clock(), v.period());
                sensor.init();
                yield reader(board, opened,
                        () -> distanceSample(sensor.distanceMillimetres(), Vl53l1x.MAX_RANGE_MILLIMETRES));
            }
            case Mpr121Config m -> {
                Mpr121 sensor = new Mpr121(track(opened, i2c(board, name, m.i2c())), board.clock(),
                        m.touchThreshold(), m.releaseThreshold());
                sensor.init();
                yield reader(board, opened, () -> {
                    int touched = sensor.touchedElectrodes();
                    double[] electrodes = new double[Mpr121.ELECTRODES];
                    for (int e = 0; e < electrodes.length; e++) {
                        electrodes[e] = (touched >> e) & 1;
                    }
                    return List.of(Sample.of(SensorValue.of(electrodes)));
                });
            }
            case Ads1115Config a -> {
                Ads1115 sensor = new Ads1115(track(opened, i2c(board, name, a.i2c())), board.clock(), a.gain(),
                        a.dataRate());
                yield reader(board, opened, () -> {
                    var samples = new ArrayList<Sample>(a.channels().size());
                    for (int channel : a.channels()) {
                        samples.add(Sample.onChannel(Ads1115Config.channelName(channel),
                                SensorValue.of(round(sensor.volts(channel), 4))));
                    }
                    return samples;
                });
            }
            case Bh1750Config b -> {
                Bh1750 sensor = new Bh1750(track(opened, i2c(board, name, b.i2c())), board.clock(), b.mode());
                sensor.init();
                yield reader(board, opened, () -> List.of(Sample.of(SensorValue.of(round(sensor.lux(), 1)))));
            }
        };
    }

    private static I2C i2c(Board board, String name, I2cAddress address) {
        return board.i2c(name, address.bus(), address.address());
    }

    private static List<Sample> distanceSample(OptionalDouble distance, double max) {
        return List.of(Sample.of(SensorValue.of(Math.min(max, distance.orElse(max)))));
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static <T extends IO<?, ?, ?>> T track(List<IO<?, ?, ?>> opened, T io) {
        opened.add(io);
        return io;
    }

    private static void closeAll(Board board, List<IO<?, ?, ?>> opened) {
        for (IO<?, ?, ?> io : opened.reversed()) {
            try {
                board.release(io);
            } catch (RuntimeException e) {
                // Already closed, or the context is shutting down: nothing left to release.
            }
        }
    }

    @FunctionalInterface
    private interface Read {
        List<Sample> read() throws InterruptedException;
    }

    private static SensorReader reader(Board board, List<IO<?, ?, ?>> opened, Read read) {
        List<IO<?, ?, ?>> ios = List.copyOf(opened);
        return new SensorReader() {
            @Override
            public List<Sample> read() throws InterruptedException {
                return read.read();
            }

            @Override
            public void close() {
                closeAll(board, ios);
            }
        };
    }
}
