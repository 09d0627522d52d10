package org.liquide.hardware.node;

import org.junit.jupiter.api.Test;
import org.liquide.hardware.board.Board;
import org.liquide.hardware.broker.BrokerAddress;
import org.liquide.hardware.node.config.I2cAddress;
import org.liquide.hardware.node.config.NodeConfig;
import org.liquide.hardware.node.config.PirConfig;
import org.liquide.hardware.node.config.SensorConfig;
import org.liquide.hardware.node.config.Vl53l1xConfig;
import org.liquide.hardware.sim.HandStimuli;
import org.liquide.hardware.sim.SimulatedBoard;
import org.liquide.hardware.sim.chip.Vl53l1xModel;
import org.liquide.hardware.sim.pi4j.SimulatedHardware;
import org.liquide.hardware.testing.Await;
import org.liquide.hardware.time.NanoClock;
import org.liquide.hardware.wire.DecodeResult;
import org.liquide.hardware.wire.NodeStatus;
import org.liquide.hardware.wire.ReadingCodec;
import org.liquide.hardware.wire.SensorReading;
import org.liquide.hardware.wire.SensorValue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensorNodeTest {
    static final Duration DEADLINE = Await.GENEROUS;

    static Predicate<SensorReading> is(String sensor, SensorValue value) {
        return r -> r.sensor().equals(sensor) && r.value().equals(value);
    }

    static Predicate<SensorReading> near(String sensor, String channel, double value, double tolerance) {
        return r -> r.sensor().equals(sensor) && r.channel().equals(Optional.ofNullable(channel))
                && r.value() instanceof SensorValue.Scalar(double v) && Math.abs(v - value) <= tolerance;
    }

    @Test
    void aSimulatedNodePublishesInProcessWhatTheHandSets() {
        InProcessSink sink = new InProcessSink(100_000);
        HandStimuli hand = new HandStimuli()
                .setDistanceMillimetres("distance", 800)
                .setTouched("touch", 3, true)
                .setVolts("pad", 0, 1.2)
                .setLux("light", 123)
                .setMotion("presence", true)
                .setPressed("pedal", true);
        var received = new CopyOnWriteArrayList<SensorReading>();
        try (SimulatedNode node = SimulatedNode.start(SimulatedNode.DEFAULT_CONFIG, sink, hand)) {
            assertEquals(Optional.of(NodeStatus.ONLINE), sink.status("demo"));
            List<Predicate<SensorReading>> expected = List.of(
                    is("distance", SensorValue.of(800)),
                    is("touch", SensorValue.of(0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0)),
                    near("pad", "a0", 1.2, 0.001),
                    near("light", null, 123, 1),
                    is("presence", SensorValue.of(true)),
                    is("pedal", SensorValue.of(true)));
            Await.until(DEADLINE, "a reading of each value set by hand", () -> {
                received.addAll(sink.drain());
                return expected.stream().allMatch(p -> received.stream().anyMatch(p));
            });
            assertTrue(node.stats().readings() >= received.size());
        }
        assertEquals(Optional.of(NodeStatus.OFFLINE), sink.status("demo"));
        assertTrue(received.stream().allMatch(r -> r.node().equals("demo")));
    }

    @Test
    void theDefaultNodeWithScriptedVisitorsPublishesEverySensorInTheWireFormat() {
        var received = new CopyOnWriteArrayList<SensorReading>();
        try (SimulatedNode node = SimulatedNode.startDefault(received::add)) {
            var expected = new HashSet<>(node.config().sensors().stream().map(SensorConfig::name).toList());
            Await.until(DEADLINE, "readings from " + expected, () ->
                    received.stream().map(SensorReading::sensor).toList().containsAll(expected));
        }
        for (SensorReading reading : received) {
            assertEquals(new DecodeResult.Accepted(reading),
                    ReadingCodec.decode(reading.topic(), ReadingCodec.encode(reading)));
        }
    }

    @Test
    void readingsCarryTheNodesWallClock() {
        NodeConfig config = new NodeConfig("clocked", new BrokerAddress("localhost", 1883),
                List.of(new PirConfig("presence", 50, 17, Duration.ZERO, Duration.ZERO)));
        Instant instant = Instant.parse("2027-01-15T19:30:00Z");
        var received = new CopyOnWriteArrayList<SensorReading>();
        try (Board board = SimulatedBoard.forNode(config, new HandStimuli(), NanoClock.system());
             SensorNode _ = SensorNode.start(config, board, received::add, InstantSource.fixed(instant))) {
            Await.until(DEADLINE, "a few readings", () -> received.size() >= 3);
        }
        assertTrue(received.stream().allMatch(r -> r.epochMillis() == instant.toEpochMilli()));
    }

    @Test
    void aClockNotYetSetDropsReadingsWithoutFailingTheSensors() {
        NodeConfig config = new NodeConfig("early", new BrokerAddress("localhost", 1883),
                List.of(new PirConfig("presence", 50, 17, Duration.ZERO, Duration.ZERO)));
        HandStimuli hand = new HandStimuli().setMotion("presence", true);
        AtomicInteger samples = new AtomicInteger();
        SimulatedHardware hardware = new SimulatedHardware().driveInput(17, () -> {
            samples.incrementAndGet();
            return hand.motion("presence");
        });
        var received = new CopyOnWriteArrayList<SensorReading>();
        try (Board board = SimulatedBoard.of(hardware, NanoClock.system());
             SensorNode node = SensorNode.start(config, board, received::add, InstantSource.fixed(Instant.EPOCH))) {
            Await.until(DEADLINE, "the PIR line sampled ten times", () -> samples.get() >= 10);
            assertEquals(0, node.stats().failures());
            assertEquals(0, node.stats().reopens());
            assertEquals(0, node.stats().readings());
        }
        assertTrue(received.isEmpty());
    }

    @Test
    void aSensorThatFailsIsReopenedUntilItWorksWhileTheOthersCarryOn() {
        NodeConfig config = new NodeConfig("flaky", new BrokerAddress("localhost", 1883), List.of(
                new PirConfig("presence", 20, 17, Duration.ZERO, Duration.ZERO),
                new Vl53l1xConfig("distance", 10, new I2cAddress(1, 0x29), Duration.ofMillis(50))));
        SimulatedHardware hardware = new SimulatedHardware().driveInput(17, () -> true);
        var received = new CopyOnWriteArrayList<SensorReading>();
        try (Board board = SimulatedBoard.of(hardware, NanoClock.system());
             SensorNode node = SensorNode.start(config, board, received::add)) {
            Await.until(DEADLINE, "the missing sensor failing twice", () -> node.stats().failures() >= 2);
            Await.until(DEADLINE, "the PIR publishing meanwhile",
                    () -> received.stream().anyMatch(is("presence", SensorValue.of(true))));
            assertTrue(received.stream().noneMatch(r -> r.sensor().equals("distance")));

            // Someone plugs the sensor back in.
            hardware.attach(1, 0x29, new Vl53l1xModel(NanoClock.system(), () -> 640));
            Await.until(DEADLINE, "readings from the reconnected sensor",
                    () -> received.stream().anyMatch(is("distance", SensorValue.of(640))));
            assertTrue(node.stats().reopens() >= 1);
        }
    }

    @Test
    void theInProcessSinkKeepsTheFreshestReadings() {
        InProcessSink sink = new InProcessSink(3);
        for (int i = 1; i <= 5; i++) {
            sink.publish(SensorReading.of("n", "s", 1_767_225_600_000L + i, SensorValue.of(i)));
        }
        assertEquals(2, sink.dropped());
        assertEquals(List.of(3.0, 4.0, 5.0), sink.drain().stream()
                .map(r -> ((SensorValue.Scalar) r.value()).value()).toList());
        assertEquals(Optional.empty(), sink.poll());
    }
}
