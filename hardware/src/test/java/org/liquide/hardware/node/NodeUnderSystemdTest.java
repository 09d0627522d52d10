package org.liquide.hardware.node;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.broker.MosquittoProcess;
import org.liquide.hardware.testing.Await;
import org.liquide.hardware.testing.UnixDatagramReceiver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * As a {@code Type=notify} unit with {@code WatchdogSec}: the node says it is ready, then pings while its sensors are read.
 * The deadlines are generous: on a loaded machine what is checked is that the pings come, not their pace.
 */
class NodeUnderSystemdTest {
    @TempDir
    Path dir;

    @Test
    void theNodeTellsSystemdItIsReadyAndKeepsPinging() throws Throwable {
        Path file = dir.resolve("entree.yaml");
        Files.writeString(file, "node: entree\nbroker: tcp://127.0.0.1:1883\nsensors:\n  - {name: presence, type: pir, pin: 17, rate_hz: 10}\n");
        Path socket = dir.resolve("notify.sock");
        try (MosquittoProcess broker = MosquittoProcess.start();
             UnixDatagramReceiver systemd = new UnixDatagramReceiver(socket)) {
            ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    NodeMain.class.getName(), file.toString(), "--simulate", "--broker", broker.url()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("node.log").toFile());
            builder.environment().put("NOTIFY_SOCKET", socket.toString());
            builder.environment().put("WATCHDOG_USEC", "1000000");
            Process node = builder.start();
            try {
                assertEquals("READY=1", systemd.receive(Await.GENEROUS.toMillis()), () -> "no READY=1; log: " + log());
                List<String> messages = systemd.receiveUntil("WATCHDOG=1", 3, Await.GENEROUS);
                assertEquals(3, messages.stream().filter("WATCHDOG=1"::equals).count(),
                        () -> "pings while the sensors are read: " + messages + "; log: " + log());
            } finally {
                node.destroy();
                assertTrue(node.waitFor(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS));
            }
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("node.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
