package org.liquide.hardware.node.sensor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.liquide.hardware.board.Board;
import org.liquide.hardware.driver.DeviceException;
import org.liquide.hardware.driver.HcSr04;
import org.liquide.hardware.node.config.NodeConfig;
import org.liquide.hardware.node.config.NodeFileResult;
import org.liquide.hardware.node.config.NodeFiles;
import org.liquide.hardware.node.config.SensorConfig;
import org.liquide.hardware.sim.HandStimuli;
import org.liquide.hardware.sim.SimulatedBoard;
import org.liquide.hardware.sim.pi4j.SimulatedHardware;
import org.liquide.hardware.time.ManualNanoClock;
import org.liquide.hardware.wire.SensorValue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each showcase sensor, opened from its node file on the simulated board and read, in virtual time. */
class SensorReadersTest {
    final ManualNanoClock clock = new ManualNanoClock(0, 1_000);
    final HandStimuli hand = new HandStimuli();
    final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    SensorReader open(String file, String sensor) throws InterruptedException {
        NodeConfig config = ((NodeFileResult.Valid) NodeFiles.load(Path.of("..", "showcase-config", "nodes", file)))
                .config();
        Board board = SimulatedBoard.forNode(config, hand, clock);
        toClose.add(board);
        SensorConfig sensorConfig = config.sensors().stream().filter(s -> s.name().equals(sensor)).findFirst()
                .orElseThrow();
        SensorReader reader = SensorReaders.open(sensorConfig, board);
        toClose.add(reader);
        return reader;
    }

    static SensorValue only(List<Sample> samples) {
        assertEquals(1, samples.size());
        assertEquals(Optional.empty(), samples.getFirst().channel());
        return samples.getFirst().value();
    }

    @Test
    void pirReadsMotion() throws InterruptedException {
        SensorReader pir = open("entree.yaml", "presence");
        assertEquals(SensorValue.of(false), only(pir.read()));
        hand.setMotion("presence", true);
        pir.read();
        clock.advanceMillis(60);
        assertEquals(SensorValue.of(true), only(pir.read()));
    }

    @Test
    void timeOfFlightReadsMillimetresAndItsMaximumWhenNothingIsThere() throws InterruptedException {
        SensorReader distance = open("entree.yaml", "distance");
        assertEquals(SensorValue.of(4000), only(distance.read()));
        hand.setDistanceMillimetres("distance", 812);
        assertEquals(SensorValue.of(812), only(distance.read()));
    }

    @Test
    void touchReadsTwelveElectrodes() throws InterruptedException {
        SensorReader touch = open("table.yaml", "touch");
        hand.setTouched("touch", 3, true).setTouched("touch", 11, true);
        assertEquals(SensorValue.of(0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1), only(touch.read()));
    }

    @Test
    void lightReadsLux() throws InterruptedException {
        SensorReader light = open("table.yaml", "light");
        hand.setLux("light", 451.3);
        clock.advanceMillis(200);
        double lux = ((SensorValue.Scalar) only(light.read())).value();
        assertEquals(451.3, lux, 1 / 1.2);
    }

    @Test
    void ultrasonicReadsMillimetres() throws InterruptedException {
        SensorReader distance = open("couloir.yaml", "distance");
        hand.setDistanceMillimetres("distance", 1500);
        // couloir.yaml says 19 °C; the simulated air is at 20 °C (343.4 m/s): the reading is 0.17% short.
        double expected = 1500 * HcSr04.speedOfSoundMetresPerSecond(19) / HcSr04.speedOfSoundMetresPerSecond(20);
        assertEquals(expected, ((SensorValue.Scalar) only(distance.read())).value(), 1.0);
    }

    @Test
    void footSwitchReadsPressed() throws InterruptedException {
        SensorReader pedal = open("couloir.yaml", "pedal");
        assertEquals(SensorValue.of(false), only(pedal.read()));
        hand.setPressed("pedal", true);
        pedal.read();
        clock.advanceMillis(40);
        assertEquals(SensorValue.of(true), only(pedal.read()));
    }

    @Test
    void padReadsVoltsOnItsChannel() throws InterruptedException {
        SensorReader pad = open("couloir.yaml", "pad");
        hand.setVolts("pad", 0, 2.345);
        List<Sample> samples = pad.read();
        assertEquals(1, samples.size());
        assertEquals(Optional.of("a0"), samples.getFirst().channel());
        assertEquals(2.345, ((SensorValue.Scalar) samples.getFirst().value()).value(), 0.001);
    }

    @Test
    void aMissingUltrasonicModuleIsAFailureNotFarAway() throws InterruptedException {
        NodeConfig config = ((NodeFileResult.Valid) NodeFiles.load(Path.of("..", "showcase-config", "nodes",
                "couloir.yaml"))).config();
        Board board = SimulatedBoard.of(new SimulatedHardware(), clock);
        toClose.add(board);
        SensorReader reader = SensorReaders.open(config.sensors().getFirst(), board);
        toClose.add(reader);
        DeviceException e = assertThrows(DeviceException.class, reader::read);
        assertTrue(e.getMessage().contains("no echo pulse on GPIO 24"), e.getMessage());
    }

    @Test
    void closingReleasesTheSensorForReopeningOnTheSameBoard() throws InterruptedException {
        NodeConfig config = ((NodeFileResult.Valid) NodeFiles.load(Path.of("..", "showcase-config", "nodes",
                "entree.yaml"))).config();
        Board board = SimulatedBoard.forNode(config, hand, clock);
        toClose.add(board);
        SensorConfig tof = config.sensors().get(1);
        SensorReaders.open(tof, board).close();
        SensorReader again = SensorReaders.open(tof, board);
        toClose.add(again);
        hand.setDistanceMillimetres("distance", 333);
        assertEquals(SensorValue.of(333), only(again.read()));
    }

    @Test
    void aFailedOpenReleasesWhatItOpened() {
        NodeConfig config = ((NodeFileResult.Valid) NodeFiles.load(Path.of("..", "showcase-config", "nodes",
                "entree.yaml"))).config();
        Board board = SimulatedBoard.of(new SimulatedHardware(), clock);
        toClose.add(board);
        SensorConfig tof = config.sensors().get(1);
        assertThrows(RuntimeException.class, () -> SensorReaders.open(tof, board));
        // The I2C device was closed: opening again does not collide with a leftover registration.
        assertThrows(RuntimeException.class, () -> SensorReaders.open(tof, board));
        assertTrue(board.context().registry().all().isEmpty(), "nothing left registered");
    }
}
