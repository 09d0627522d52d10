package org.liquide.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.broker.MosquittoProcess;
import org.liquide.hardware.testing.MqttProbe;
import org.liquide.hardware.wire.NodeStatus;
import org.liquide.hardware.wire.ReadingCodec;
import org.liquide.hardware.wire.SensorReading;
import org.liquide.hardware.wire.SensorValue;
import org.liquide.hardware.wire.Topics;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** {@code liquide signals}: the technician's "is this sensor alive?", against a real Mosquitto. */
class SignalsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private MosquittoProcess broker;
    private MqttProbe probe;
    private Thread sensor;
    private volatile boolean publishing = true;

    private record Run(int code, String out, String err) {
    }

    private static Run liquide(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A node "atelier" online, its distance sensor at 1000 mm ten times a second, and a malformed message now and then. */
    @BeforeEach
    void startBrokerAndSensor() throws Exception {
        broker = MosquittoProcess.start();
        probe = MqttProbe.subscribe(broker.port(), "liquide/#");
        sensor = new Thread(() -> {
            try {
                while (publishing) {
                    SensorReading reading = SensorReading.of("atelier", "distance", System.currentTimeMillis(), SensorValue.of(1000.0));
                    probe.publish(reading.topic(), ReadingCodec.encode(reading));
                    probe.publish(Topics.reading("atelier", "distance"), "{not json".getBytes(StandardCharsets.UTF_8));
                    java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                }
            } catch (Exception e) {
                if (publishing) {
                    throw new IllegalStateException(e);
                }
            }
        }, "test-sensor");
        sensor.start();
        probe.publish(Topics.NODES + "/atelier/status", NodeStatus.ONLINE.payloadBytes());
    }

    @AfterEach
    void stop() throws Exception {
        publishing = false;
        sensor.join(5000);
        probe.close();
        broker.close();
    }

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static JsonNode row(JsonNode snapshot, String signal, String target) {
        for (JsonNode row : snapshot.get("signals")) {
            if (row.get("name").asText().equals(signal) && (target == null ? row.get("target").isNull() : target.equals(row.get("target").asText()))) {
                return row;
            }
        }
        return fail("no row for " + signal + " → " + target + " in " + snapshot);
    }

    @Test
    void aBrokerAloneShowsRawSignalsNodesAndDrops() throws Exception {
        Run run = liquide("signals", "--broker", broker.url(), "--json", "--duration", "2.5");
        assertEquals(0, run.code(), run.err());
        JsonNode last = lines(run.out()).getLast();
        assertTrue(last.get("connected").asBoolean());
        JsonNode distance = row(last, "atelier/distance", null);
        assertEquals(1000.0, distance.get("raw").asDouble(), 1e-9);
        assertFalse(distance.get("stale").asBoolean());
        assertTrue(distance.get("ageSeconds").asDouble() < 1, distance.toString());
        assertEquals("online", last.get("nodes").get(0).get("state").asText());
        assertTrue(last.get("dropped").get("malformed-json").asLong() > 0, "the malformed messages are counted: " + last.get("dropped"));
        assertTrue(probe.messages(m -> m.topic().startsWith("liquide/runtimes/")).isEmpty(), "the monitor does not announce itself");
    }

    @Test
    void aShowcaseAddsWhatEachScenesMappingsMakeOfTheSignals() throws Exception {
        Files.createDirectories(dir.resolve("scenes/atelier"));
        Files.writeString(dir.resolve("scenes/atelier/scene.yaml"), """
                generator: {model: procedural, size: 160x90}
                layers:
                  - {name: fond, type: generate}
                mappings:
                  - {signal: atelier/distance, filters: [{remap: {in: [0, 2000], out: [0, 1]}}], target: generator.strength}
                  - {signal: atelier/touch, target: generator.camera_mix, default: 0.25}
                  - {signal: vision/salle/motion, target: generator.latent.0}
                """);
        Path showcase = dir.resolve("showcase.yaml");
        Files.writeString(showcase, "showcase: test\nbroker: " + broker.url() + "\nscenes: scenes\nplaylist: [{scene: atelier, duration: 1m}]\n");

        Run run = liquide("signals", "--config", showcase.toString(), "--duration", "2.5");
        assertEquals(0, run.code(), run.err());
        String table = run.out().substring(run.out().lastIndexOf("broker "));
        assertTrue(table.lines().anyMatch(line -> line.matches("atelier/distance\\s+1000\\.000\\s+0\\.\\ds\\s+live\\s+atelier: generator\\.strength\\s+0\\.500")), table);
        assertTrue(table.lines().anyMatch(line -> line.matches("atelier/touch\\s+-\\s+-\\s+never\\s+atelier: generator\\.camera_mix\\s+0\\.250")),
                "a configured sensor that never spoke shows its mapping's default: " + table);
        assertFalse(table.contains("vision/"), table);
        assertTrue(run.err().contains("1 mappings of camera-vision and OSC signals are not shown"), run.err());
    }

    @Test
    void anUnreachableBrokerIsSaidAndExitsOne() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run run = liquide("signals", "--broker", "tcp://127.0.0.1:" + closedPort, "--duration", "1.5");
        assertEquals(1, run.code());
        assertTrue(run.out().contains("not reachable (retrying)"), run.out());
        assertTrue(run.err().contains("was never reached"), run.err());
    }

    @Test
    void badOptionsExitTwo() throws Exception {
        assertEquals(2, liquide("signals").code(), "--config or --broker is needed");
        assertEquals(2, liquide("signals", "--broker", "http://x").code());
        Path showcase = dir.resolve("showcase.yaml");
        Files.createDirectories(dir.resolve("scenes/atelier"));
        Files.writeString(dir.resolve("scenes/atelier/scene.yaml"), "generator: {model: procedural, size: 160x90}\nlayers:\n  - {name: fond, type: generate}\n");
        Files.writeString(showcase, "showcase: test\nscenes: scenes\nplaylist: [{scene: atelier, duration: 1m}]\n");
        Run run = liquide("signals", "--config", showcase.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("names no broker"), run.err());
    }
}
