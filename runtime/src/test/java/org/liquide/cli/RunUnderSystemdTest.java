package org.liquide.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.UnixDatagramReceiver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code liquide run} as showcase-config/systemd/liquide.service starts it ({@code Type=notify},
 * {@code WatchdogSec}): ready once the show runs, a ping while frames come, and SIGTERM ends it with the
 * status the unit counts as a clean stop (143).
 */
class RunUnderSystemdTest {
    @TempDir
    Path dir;

    @Test
    void theShowTellsSystemdItIsReadyPingsWhileRenderingAndStopsCleanlyOnSigterm() throws Throwable {
        Files.createDirectories(dir.resolve("scenes/atelier"));
        Files.writeString(dir.resolve("scenes/atelier/scene.yaml"), "generator: {model: procedural, size: 160x90}\nlayers:\n  - {name: fond, type: generate}\n");
        Path showcase = dir.resolve("showcase.yaml");
        Files.writeString(showcase, "showcase: essai\noutput: {size: 320x180, fps: 30}\nscenes: scenes\nplaylist: [{scene: atelier, duration: 10m}]\n"
                + "recording: {journal: journal}\n");
        Path socket = dir.resolve("notify.sock");
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(socket)) {
            ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Djava.awt.headless=true",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "run", showcase.toString(), "--headless", "--no-panel", "--ignore-schedule"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile());
            builder.environment().put("NOTIFY_SOCKET", socket.toString());
            builder.environment().put("WATCHDOG_USEC", "1000000");
            builder.environment().remove("DISPLAY");
            Process show = builder.start();
            try {
                assertEquals("READY=1", systemd.receive(60_000), () -> "no READY=1; log: " + log());
                for (int ping = 0; ping < 3; ping++) {
                    assertEquals("WATCHDOG=1", systemd.receive(2_000), "a ping every half WatchdogSec while frames come");
                }
            } finally {
                show.destroy();
                assertTrue(show.waitFor(30, TimeUnit.SECONDS), "the show stops on SIGTERM");
            }
            assertEquals(143, show.exitValue(), () -> "SIGTERM's exit status (SuccessExitStatus=143 in the unit); log: " + log());
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("run.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
