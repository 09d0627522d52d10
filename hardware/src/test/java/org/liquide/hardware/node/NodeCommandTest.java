package org.liquide.hardware.node;

import org.liquide.hardware.testing.Await;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.broker.MosquittoProcess;
import org.liquide.hardware.testing.MqttProbe;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeCommandTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return new CommandLine(new NodeCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void aBadNodeFileExitsTwoWithEveryErrorLocated(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                node: bad
                broker: tcp://localhost
                sensors:
                  - name: distance
                    type: vl53l1x
                    adress: 0x29
                    rate_hz: 100
                """);
        assertEquals(NodeCommand.BAD_INPUT, run(file.toString(), "--simulate"));
        assertEquals(file + ":6:5: unknown key 'adress' in sensor 'distance'; did you mean 'address'?\n"
                + file + ":7:14: rate_hz 100 is too fast for a vl53l1x: at most 10.0 (the chip measures every 100 ms"
                + " (options: period_ms))\n", err.toString());
    }

    @Test
    void aMissingFileOrABadBrokerExitsTwo(@TempDir Path dir) throws Exception {
        assertEquals(NodeCommand.BAD_INPUT, run(dir.resolve("none.yaml").toString()));
        assertTrue(err.toString().contains("none.yaml:1:1: no such file"), err.toString());

        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, "node: ok\nbroker: tcp://localhost\nsensors: [{name: p, type: pir, pin: 4, rate_hz: 1}]\n");
        assertEquals(NodeCommand.BAD_INPUT, run(file.toString(), "--broker", "localhost:1883"));
        assertTrue(err.toString().contains("--broker must be a URL like tcp://render.local:1883, got localhost:1883"));
        assertEquals(2, run(), "no node file: a usage error");
    }

    @Test
    void withoutGpioProvidersTheRealBoardExitsTwo(@TempDir Path dir) throws Exception {
        // This machine has no Pi4J GPIO/I2C plugin on the class path: the command says so instead of crashing.
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, "node: ok\nbroker: tcp://127.0.0.1:1\nsensors: [{name: p, type: pir, pin: 4, rate_hz: 1}]\n");
        assertEquals(NodeCommand.BAD_INPUT, run(file.toString()));
        assertTrue(err.toString().contains("no Pi4J provider for I2C, DIGITAL_INPUT, DIGITAL_OUTPUT"), err.toString());
    }

    @Test
    void runsASimulatedNodeUntilInterruptedThenSaysOffline(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("entree.yaml");
        Files.copy(Path.of("..", "showcase-config", "nodes", "entree.yaml"), file);
        try (MosquittoProcess broker = MosquittoProcess.start();
             MqttProbe probe = MqttProbe.subscribe(broker.port(), "liquide/#")) {
            AtomicInteger exit = new AtomicInteger(-1);
            Thread command = Thread.ofPlatform().start(() ->
                    exit.set(run(file.toString(), "--simulate", "--broker", broker.url(), "--seed", "7")));
            probe.awaitMessage(Await.GENEROUS, "online", m -> m.topic().equals("liquide/nodes/entree/status")
                    && m.text().equals("online"));
            probe.awaitMessage(Await.GENEROUS, "a distance reading",
                    m -> m.topic().equals("liquide/sensors/entree/distance"));

            command.interrupt();
            command.join(Duration.ofSeconds(15));
            assertFalse(command.isAlive());
            assertEquals(NodeCommand.OK, exit.get());
            assertTrue(probe.messages().stream().anyMatch(m -> m.topic().equals("liquide/nodes/entree/status")
                    && m.text().equals("offline")), "offline published before exiting");
            assertTrue(out.toString().contains("node entree: 2 sensor(s) (simulated, seed 7), publishing to "
                    + broker.url()), out.toString());
        }
    }
}
