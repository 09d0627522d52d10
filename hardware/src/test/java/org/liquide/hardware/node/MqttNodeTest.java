package org.liquide.hardware.node;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.board.Board;
import org.liquide.hardware.driver.Ads1115;
import org.liquide.hardware.node.config.Ads1115Config;
import org.liquide.hardware.broker.BrokerAddress;
import org.liquide.hardware.node.config.I2cAddress;
import org.liquide.hardware.node.config.Mpr121Config;
import org.liquide.hardware.node.config.NodeConfig;
import org.liquide.hardware.node.config.PirConfig;
import org.liquide.hardware.node.config.Vl53l1xConfig;
import org.liquide.hardware.node.mqtt.MqttReadingSink;
import org.liquide.hardware.node.mqtt.MqttSettings;
import org.liquide.hardware.sim.HandStimuli;
import org.liquide.hardware.sim.SimulatedBoard;
import org.liquide.hardware.testing.Await;
import org.liquide.hardware.broker.MosquittoProcess;
import org.liquide.hardware.testing.MqttProbe;
import org.liquide.hardware.testing.TcpGate;
import org.liquide.hardware.time.NanoClock;
import org.liquide.hardware.wire.DecodeResult;
import org.liquide.hardware.wire.ReadingCodec;
import org.liquide.hardware.wire.SensorReading;
import org.liquide.hardware.wire.SensorValue;
import org.liquide.hardware.wire.Topics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The node against a real Mosquitto on loopback, with a real MQTT subscriber on the other side. */
class MqttNodeTest {
    static final Duration DEADLINE = Await.GENEROUS;
    static final String STATUS = Topics.status("hall");

    static NodeConfig hall(String brokerUrl) {
        return new NodeConfig("hall", BrokerAddress.parse(brokerUrl).orElseThrow(), List.of(
                new PirConfig("presence", 20, 17, Duration.ZERO, Duration.ofMillis(500)),
                new Vl53l1xConfig("distance", 10, new I2cAddress(1, 0x29), Duration.ofMillis(50)),
                new Mpr121Config("touch", 20, new I2cAddress(1, 0x5A), 12, 6),
                new Ads1115Config("pad", 10, new I2cAddress(1, 0x48), List.of(0, 1), Ads1115.Gain.FSR_4_096,
                        Ads1115.DataRate.SPS_475)));
    }

    static MqttSettings fastReconnect(NodeConfig config) {
        return MqttSettings.defaults(config.broker(), config.node())
                .withReconnect(Duration.ofMillis(100), Duration.ofMillis(400));
    }

    static SensorReading decoded(MqttProbe.Message message) {
        return assertInstanceOf(DecodeResult.Accepted.class, ReadingCodec.decode(message.topic(), message.payload()),
                () -> "not a well-formed reading: " + message.topic() + " " + message.text()).reading();
    }

    static boolean isStatus(MqttProbe.Message m, String payload) {
        return m.topic().equals(STATUS) && m.text().equals(payload);
    }

    @Test
    void publishesWellFormedReadingsAndARetainedStatus() throws Exception {
        HandStimuli hand = new HandStimuli().setMotion("presence", true).setDistanceMillimetres("distance", 812)
                .setTouched("touch", 3, true).setVolts("pad", 0, 1.25).setVolts("pad", 1, 0.5);
        try (MosquittoProcess broker = MosquittoProcess.start();
             MqttProbe probe = MqttProbe.subscribe(broker.port(), "liquide/#")) {
            NodeConfig config = hall(broker.url());
            try (Board board = SimulatedBoard.forNode(config, hand, NanoClock.system());
                 MqttReadingSink sink = MqttReadingSink.connect(fastReconnect(config))) {
                SensorNode node = SensorNode.start(config, board, sink);
                for (String topic : List.of("presence", "distance", "touch", "pad/a0", "pad/a1")) {
                    probe.awaitMessage(DEADLINE, "a reading on " + topic,
                            m -> m.topic().equals("liquide/sensors/hall/" + topic));
                }
                List<SensorReading> readings = probe.messages(m -> m.topic().startsWith(Topics.SENSORS)).stream()
                        .map(MqttNodeTest::decoded).toList();
                assertTrue(readings.stream().allMatch(r -> r.node().equals("hall")));
                assertTrue(readings.stream().anyMatch(r -> r.sensor().equals("distance")
                        && r.value().equals(SensorValue.of(812))));
                assertTrue(readings.stream().anyMatch(r -> r.sensor().equals("touch")
                        && r.value().equals(SensorValue.of(0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0))));
                assertTrue(readings.stream().anyMatch(r -> r.channel().equals(Optional.of("a1"))
                        && r.value().equals(SensorValue.of(0.5))));
                assertTrue(readings.stream().anyMatch(r -> r.sensor().equals("presence")
                        && r.value().equals(SensorValue.of(true))));

                try (MqttProbe late = MqttProbe.subscribe(broker.port(), Topics.ALL_STATUSES)) {
                    late.awaitMessage(DEADLINE, "the retained online status", m -> isStatus(m, "online") && m.retained());
                }

                node.close();
                probe.awaitMessage(DEADLINE, "offline on a clean stop", m -> isStatus(m, "offline"));
            }
            try (MqttProbe late = MqttProbe.subscribe(broker.port(), Topics.ALL_STATUSES)) {
                late.awaitMessage(DEADLINE, "the retained offline status", m -> isStatus(m, "offline") && m.retained());
            }
        }
    }

    @Test
    void reconnectsAfterTheBrokerRestartsAndSendsNoStaleReadings() throws Exception {
        HandStimuli hand = new HandStimuli().setDistanceMillimetres("distance", 500);
        try (MosquittoProcess broker = MosquittoProcess.start(); TcpGate gate = new TcpGate(broker.port())) {
            // The node reaches the broker through a gate the test opens, so that the subscriber is in place
            // before the node can reconnect: anything queued during the outage would then be seen.
            NodeConfig config = hall(gate.url());
            try (Board board = SimulatedBoard.forNode(config, hand, NanoClock.system());
                 MqttReadingSink sink = MqttReadingSink.connect(fastReconnect(config));
                 SensorNode _ = SensorNode.start(config, board, sink);
                 MqttProbe before = MqttProbe.subscribe(broker.port(), "liquide/#")) {
                before.awaitMessage(DEADLINE, "readings before the outage", m -> m.topic().endsWith("/distance"));

                gate.shut();
                broker.kill();
                Await.until(DEADLINE, "the node noticing the broker is gone", () -> !sink.isConnected());
                long droppedAtOutage = sink.droppedWhileDisconnected();
                hand.setDistanceMillimetres("distance", 1500);
                Await.until(DEADLINE, "readings taken during the outage",
                        () -> sink.droppedWhileDisconnected() >= droppedAtOutage + 20);

                broker.restart();
                try (MqttProbe after = MqttProbe.subscribe(broker.port(), "liquide/#")) {
                    long reopenedAt = System.currentTimeMillis();
                    hand.setDistanceMillimetres("distance", 700);
                    gate.open();
                    after.awaitMessage(DEADLINE, "online again after the restart", m -> isStatus(m, "online"));
                    Await.until(DEADLINE, "readings flowing again", () -> after.messages(
                            m -> m.topic().startsWith(Topics.SENSORS)).size() >= 20);
                    assertEquals(2, sink.connects());

                    List<SensorReading> readings = after.messages(m -> m.topic().startsWith(Topics.SENSORS)).stream()
                            .map(MqttNodeTest::decoded).toList();
                    for (SensorReading reading : readings) {
                        assertTrue(reading.epochMillis() >= reopenedAt, "stale reading after reconnection: " + reading);
                    }
                    assertFalse(readings.stream().anyMatch(r -> r.value().equals(SensorValue.of(1500))),
                            "a distance measured during the outage was delivered");
                }
            }
        }
    }

    @Test
    void connectsWhenTheBrokerComesUpAfterTheNode() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.start(); TcpGate gate = new TcpGate(broker.port())) {
            gate.shut();
            NodeConfig config = hall(gate.url());
            try (Board board = SimulatedBoard.forNode(config, new HandStimuli(), NanoClock.system());
                 MqttReadingSink sink = MqttReadingSink.connect(fastReconnect(config));
                 SensorNode _ = SensorNode.start(config, board, sink);
                 MqttProbe probe = MqttProbe.subscribe(broker.port(), "liquide/#")) {
                Await.until(DEADLINE, "readings dropped while the broker is unreachable",
                        () -> sink.droppedWhileDisconnected() >= 10);
                assertEquals(0, sink.connects());
                gate.open();
                probe.awaitMessage(DEADLINE, "online once the broker is reachable", m -> isStatus(m, "online"));
                probe.awaitMessage(DEADLINE, "readings", m -> m.topic().startsWith(Topics.SENSORS));
            }
        }
    }

    @Test
    void theLastWillSaysOfflineWhenTheNodeProcessDies(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kiosk.yaml");
        Files.writeString(file, """
                node: kiosk
                broker: tcp://127.0.0.1:1
                sensors:
                  - {name: presence, type: pir, pin: 17, rate_hz: 5}
                """);
        try (MosquittoProcess broker = MosquittoProcess.start();
             MqttProbe probe = MqttProbe.subscribe(broker.port(), "liquide/#")) {
            String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
            Path log = dir.resolve("node.log");
            Process node = new ProcessBuilder(java, "--sun-misc-unsafe-memory-access=allow",
                    "-cp", System.getProperty("java.class.path"),
                    NodeMain.class.getName(), file.toString(), "--simulate", "--broker", broker.url())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                probe.awaitMessage(Await.GENEROUS, "the node process online (log: " + log + ")",
                        m -> m.topic().equals("liquide/nodes/kiosk/status") && m.text().equals("online"));
                probe.awaitMessage(DEADLINE, "a reading from the node process",
                        m -> m.topic().equals("liquide/sensors/kiosk/presence"));
            } finally {
                node.destroyForcibly();
                node.waitFor();
            }
            probe.awaitMessage(DEADLINE, "the last will", m -> m.topic().equals("liquide/nodes/kiosk/status")
                    && m.text().equals("offline"));
            try (MqttProbe late = MqttProbe.subscribe(broker.port(), Topics.ALL_STATUSES)) {
                late.awaitMessage(DEADLINE, "the retained last will", m -> m.topic().equals("liquide/nodes/kiosk/status")
                        && m.text().equals("offline") && m.retained());
            }
        }
    }
}
