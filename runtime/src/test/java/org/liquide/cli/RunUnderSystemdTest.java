package org.liquide.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.Await;
import org.liquide.hardware.testing.UnixDatagramReceiver;
import org.liquide.testing.LiquideProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code liquide run} as showcase-config/systemd/liquide.service starts it ({@code Type=notify},
 * {@code WatchdogSec}): ready once the show runs, pings while frames come, and SIGTERM ends it with the
 * status the unit counts as a clean stop (143). The deadlines are generous: a loaded machine may hold a
 * frame, and so a ping, for seconds; what is checked is that the pings come, not their pace.
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
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(socket);
             LiquideProcess show = LiquideProcess.start(dir.resolve("run.log"), env -> {
                 env.put("NOTIFY_SOCKET", socket.toString());
                 env.put("WATCHDOG_USEC", "1000000");
             }, "run", showcase.toString(), "--headless", "--no-panel", "--ignore-schedule")) {
            assertEquals("READY=1", systemd.receive(Await.GENEROUS.toMillis()), () -> "no READY=1; log: " + show.output());
            List<String> messages = systemd.receiveUntil("WATCHDOG=1", 3, Await.GENEROUS);
            assertEquals(3, messages.stream().filter("WATCHDOG=1"::equals).count(),
                    () -> "pings while frames come: " + messages + "; log: " + show.output());
            assertEquals(143, show.terminate(Await.GENEROUS),
                    () -> "SIGTERM's exit status (SuccessExitStatus=143 in the unit); log: " + show.output());
        }
    }
}
