package org.liquide.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.Await;
import org.liquide.testing.LiquideProcess;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code liquide run} stopped by SIGTERM (systemd's stop, an operator's Ctrl-C) while its scenes change,
 * with the panel and OSC open: each stop is clean (143, the status the unit counts as success) and quiet
 * (no failure, no trace).
 */
class RunStopTest {
    @TempDir
    Path dir;

    private Path showcase() throws Exception {
        Files.createDirectories(dir.resolve("scenes/flux"));
        Files.writeString(dir.resolve("scenes/flux/scene.yaml"), "generator: {model: procedural, size: 160x90}\nlayers:\n  - {name: fond, type: generate}\n");
        Path shader = Files.createDirectories(dir.resolve("scenes/vert"));
        Files.writeString(shader.resolve("fond.frag"), "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(0.0, 1.0, 0.0, 1.0); }\n");
        Files.writeString(shader.resolve("scene.yaml"), "layers:\n  - {name: fond, type: shader, file: fond.frag}\n");
        Path file = dir.resolve("showcase.yaml");
        Files.writeString(file, "showcase: essai\noutput: {size: 160x90, fps: 30}\nscenes: scenes\n"
                + "playlist: [{scene: flux, duration: 1s, transition: 0.2s}, {scene: vert, duration: 1s, transition: 0.2s}]\n"
                + "recording: {journal: journal}\n"
                + "control: {host: 127.0.0.1, port: " + LiquideProcess.freeTcpPort() + ", token_file: token}\n"
                + "osc: {host: 127.0.0.1, port: " + LiquideProcess.freeUdpPort() + "}\n");
        return file;
    }

    private static long scenesShown(String output) {
        return output.lines().filter(line -> line.contains("scene on stage:")).count();
    }

    @Test
    void stopsDuringSceneChangesAreCleanAndQuiet() throws Exception {
        Path showcase = showcase();
        for (int stop = 1; stop <= 3; stop++) {
            int changes = 2 * stop;
            try (LiquideProcess show = LiquideProcess.start(dir.resolve("run-" + stop + ".log"), env -> {
            }, "run", showcase.toString(), "--headless", "--ignore-schedule")) {
                Await.until(Await.GENEROUS, () -> changes + " scenes shown; output:\n" + show.output(),
                        () -> scenesShown(show.output()) >= changes || !show.isAlive());
                int before = show.output().length();
                int status = show.terminate(Await.GENEROUS);
                String output = show.output();
                String afterSignal = output.substring(before);
                assertEquals(143, status, () -> "SIGTERM's status; output:\n" + output);
                assertFalse(afterSignal.contains("internal failure") || afterSignal.contains("Exception")
                        || afterSignal.contains("\tat "), () -> "a quiet stop; after SIGTERM:\n" + afterSignal);
            }
        }
    }
}
