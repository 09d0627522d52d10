package org.liquide.signal;

import org.junit.jupiter.api.Test;
import org.liquide.log.LogTail;
import org.liquide.hardware.node.SensorNode;
import org.liquide.hardware.broker.BrokerAddress;
import org.liquide.hardware.node.config.I2cAddress;
import org.liquide.hardware.node.config.NodeConfig;
import org.liquide.hardware.node.config.Vl53l1xConfig;
import org.liquide.hardware.node.mqtt.MqttReadingSink;
import org.liquide.hardware.node.mqtt.MqttSettings;
import org.liquide.hardware.sim.HandStimuli;
import org.liquide.hardware.sim.SimulatedBoard;
import org.liquide.hardware.testing.Await;
import org.liquide.hardware.broker.MosquittoProcess;
import org.liquide.hardware.testing.MqttProbe;
import org.liquide.hardware.time.NanoClock;
import org.liquide.hardware.wire.NodeStatus;
import org.liquide.signal.source.MqttSignalSource;
import org.liquide.signal.source.NodeRoster;
import org.liquide.signal.source.ReadingBridge;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Node → a real Mosquitto on loopback → the runtime's signal bus, through a broker restart. */
class MqttSignalSourceTest {
    private static final Duration DEADLINE = Await.GENEROUS;

    private static double latest(SignalBus bus, String name) {
        SignalSample sample = new SignalSample();
        return bus.signal(name).read(sample) ? sample.value(0) : Double.NaN;
    }

    @Test
    void readingsFromANodeReachTheBusAndBothSidesSurviveABrokerRestart() throws Exception {
        HandStimuli hand = new HandStimuli().setDistanceMillimetres("distance", 900);
        try (MosquittoProcess broker = MosquittoProcess.start()) {
            NodeConfig config = new NodeConfig("entree", BrokerAddress.parse(broker.url()).orElseThrow(),
                    List.of(new Vl53l1xConfig("distance", 20, new I2cAddress(1, 0x29), Duration.ofMillis(50))));
            SignalBus bus = new SignalBus();
            try (MqttSignalSource runtime = new MqttSignalSource(bus, URI.create(broker.url()), "liquide/runtimes/test/status", NodeRoster.open()).start();
                 var board = SimulatedBoard.forNode(config, hand, NanoClock.system());
                 MqttReadingSink sink = MqttReadingSink.connect(MqttSettings.defaults(config.broker(), config.node())
                         .withReconnect(Duration.ofMillis(100), Duration.ofMillis(400)))) {
                SensorNode node = SensorNode.start(config, board, sink);
                try {
                    Await.until(DEADLINE, () -> "distance near 900 mm on the bus, got " + latest(bus, "entree/distance"),
                            () -> Math.abs(latest(bus, "entree/distance") - 900) < 60);
                    Await.until(DEADLINE, "the node announced online", () -> runtime.readings().nodes().containsKey("entree")
                            && runtime.readings().nodes().get("entree").status() == NodeStatus.ONLINE);

                    broker.kill();
                    Await.until(DEADLINE, "the runtime saw the broker go", () -> !runtime.connected());
                    broker.restart();
                    hand.setDistanceMillimetres("distance", 1500);
                    Await.until(DEADLINE, () -> "readings flow again after the restart, got " + latest(bus, "entree/distance"),
                            () -> Math.abs(latest(bus, "entree/distance") - 1500) < 80);
                    assertTrue(runtime.connected());
                } finally {
                    node.close();
                }
            }
        }
    }

    @Test
    void malformedPayloadsAreCountedAndNeverStopTheSource() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.start()) {
            SignalBus bus = new SignalBus();
            try (MqttSignalSource runtime = new MqttSignalSource(bus, URI.create(broker.url()), "liquide/runtimes/test/status", NodeRoster.open()).start();
                 MqttProbe publisher = MqttProbe.subscribe(broker.port(), "liquide/runtimes/#")) {
                Await.until(DEADLINE, "runtime online", () -> publisher.messages().stream()
                        .anyMatch(m -> m.topic().equals("liquide/runtimes/test/status") && m.text().equals("online")));
                publisher.publish("liquide/sensors/a/b", "{not json".getBytes());
                publisher.publish("liquide/sensors/a/b", "{\"t\": 1767225600000, \"v\": \"text\"}".getBytes());
                publisher.publish("liquide/sensors/a/b", "{\"t\": 1767225600000, \"v\": 1e400}".getBytes());
                publisher.publish("liquide/sensors/a/b", "{\"t\": 1767225600000, \"v\": 0.25}".getBytes());
                Await.until(DEADLINE, "the good reading", () -> latest(bus, "a/b") == 0.25);
                SignalBus.SourceCounters mqtt = bus.sources().stream().filter(s -> s.source().equals("mqtt")).findFirst().orElseThrow();
                assertEquals(3, mqtt.droppedTotal(), mqtt.droppedByReason().toString());
                assertEquals(1, mqtt.dropped("malformed-json"), mqtt.droppedByReason().toString());
            }
        }
    }

    @Test
    void theBridgeNamesSignalsAfterNodeSensorAndChannel() {
        SignalBus bus = new SignalBus();
        ReadingBridge bridge = new ReadingBridge(bus, "test", NodeRoster.open());
        long t = 1_767_225_600_000L;
        bridge.publish(org.liquide.hardware.wire.SensorReading.of("table", "pad", "a1", t, org.liquide.hardware.wire.SensorValue.of(1.5)));
        bridge.publish(org.liquide.hardware.wire.SensorReading.of("table", "touch", t, org.liquide.hardware.wire.SensorValue.of(0, 1, 0)));
        bridge.publish(org.liquide.hardware.wire.SensorReading.of("entree", "presence", t, org.liquide.hardware.wire.SensorValue.of(true)));
        assertEquals(1.5, latest(bus, "table/pad/a1"));
        SignalSample sample = new SignalSample();
        bus.signal("table/touch").read(sample);
        assertEquals(3, sample.channels());
        assertEquals(1, sample.value(1));
        assertEquals(1, latest(bus, "entree/presence"));
    }

    @Test
    void aBrokerThatCannotBeReachedIsSaidOnceAndConnectedToWhenItComes() throws Exception {
        LogTail log = LogTail.install(500);
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        SignalBus bus = new SignalBus();
        try (MqttSignalSource runtime = new MqttSignalSource(bus, URI.create("tcp://127.0.0.1:" + port), null, NodeRoster.open()).start()) {
            Await.until(DEADLINE, "the warning that the broker cannot be reached", () -> warnings(log, port) == 1);
            try (MosquittoProcess broker = MosquittoProcess.startOn(port)) {
                Await.until(DEADLINE, "connected once the broker runs", runtime::connected);
            }
            assertEquals(1, warnings(log, port), "one warning for the whole outage, not one per retry");
        }
    }

    private static long warnings(LogTail log, int port) {
        return log.last(log.capacity()).stream().filter(line -> line.level().equals("WARN")
                && line.message().contains("cannot reach tcp://127.0.0.1:" + port)).count();
    }
}
