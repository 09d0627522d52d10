package org.liquide.render;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.testing.ImageStats;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The window output, on a virtual X display (Xvfb, which .ci/run installs): with a display the demo
 * opens a GLFW window; with --headless it stays offscreen even though a display exists.
 */
class WindowOutputTest {
    @TempDir
    Path dir;
    private Process xvfb;
    private String display;

    @BeforeEach
    void startVirtualDisplay() throws Exception {
        Path binary = Path.of("/usr/bin/Xvfb");
        assertTrue(Files.isExecutable(binary), "Xvfb is needed for window tests: apt-get install xvfb (scripts/install-system-packages test)");
        int number = freeDisplayNumber();
        display = ":" + number;
        xvfb = new ProcessBuilder(binary.toString(), display, "-screen", "0", "1280x720x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(dir.resolve("xvfb.log").toFile()).start();
        Path socket = Path.of("/tmp/.X11-unix/X" + number);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(socket)) {
            assertTrue(xvfb.isAlive(), "Xvfb exited: " + Files.readString(dir.resolve("xvfb.log")));
            assertTrue(System.nanoTime() < deadline, "Xvfb did not create " + socket);
            xvfb.waitFor(20, TimeUnit.MILLISECONDS);
        }
    }

    @AfterEach
    void stopVirtualDisplay() throws Exception {
        if (xvfb != null) {
            xvfb.destroy();
            xvfb.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static int freeDisplayNumber() throws IOException {
        for (int number = 90; number < 190; number++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + number)) && !Files.exists(Path.of("/tmp/.X" + number + "-lock"))) {
                try (ServerSocket probe = new ServerSocket(6000 + number)) {
                    return number;
                } catch (IOException busy) {
                    // try the next number
                }
            }
        }
        throw new IOException("no free X display number");
    }

    private record Run(int exitCode, String output) {
    }

    private Run demo(String... extra) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("demo", "--camera", "test", "--size", "320x180", "--frames", "30"));
        arguments.addAll(List.of(extra));
        return liquide(arguments);
    }

    private Run liquide(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "org.liquide.cli.Main"));
        command.addAll(arguments);
        // The output goes to a file, so that a demo that hangs fails the test at its deadline instead of
        // holding a read of its output open for ever.
        Path log = Files.createTempFile(dir, "liquide", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DISPLAY", display);
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log);
        assertTrue(finished, "the demo did not finish in 120 s; output:\n" + output);
        return new Run(process.exitValue(), output);
    }

    @Test
    void withADisplayTheDemoOpensAWindowAndSaysSo() throws Exception {
        Path snapshot = dir.resolve("window.png");
        Run run = demo("--snapshot", snapshot.toString());
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("output: window through GLFW"), run.output());
        BufferedImage image = ImageIO.read(snapshot.toFile());
        assertEquals(320, image.getWidth());
        assertTrue(ImageStats.of(image).stdRed() > 10, "the window's frame was drawn");
    }

    @Test
    void fullscreenOpensOnTheChosenMonitor() throws Exception {
        Run run = demo("--fullscreen", "--monitor", "0");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("output: window through GLFW, fullscreen on "), run.output());
    }

    @Test
    void anUnknownMonitorFallsBackToOffscreenAndSaysWhy() throws Exception {
        Run run = demo("--fullscreen", "--monitor", "Projecteur-Nord");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("no monitor named 'Projecteur-Nord'"), run.output());
        assertTrue(run.output().contains("offscreen through EGL"), run.output());
    }

    @Test
    void headlessForcesOffscreenEvenWithADisplay() throws Exception {
        Run run = demo("--headless");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("output: headless forced (--headless): offscreen through EGL"), run.output());
    }

    @Test
    void aProjectorPairOpensOneWindowPerDisplay() throws Exception {
        Files.createDirectories(dir.resolve("scenes/atelier"));
        Files.writeString(dir.resolve("scenes/atelier/scene.yaml"), "generator: {model: procedural, size: 160x90}\nlayers:\n  - {name: fond, type: generate}\n");
        Path showcase = dir.resolve("showcase.yaml");
        Files.writeString(showcase, """
                showcase: paire
                output: {size: 320x180}
                displays:
                  - {name: gauche, size: 200x180, region: [0, 0, 0.55, 1], soft_edge: {right: 0.1}}
                  - {name: droite, size: 200x180, region: [0.45, 0, 1, 1], soft_edge: {left: 0.1}}
                cameras: [{name: salle, source: test}]
                scenes: scenes
                playlist: [{scene: atelier, duration: 10m}]
                """);
        Run run = liquide(List.of("run", showcase.toString(), "--frames", "30", "--no-panel", "--ignore-schedule"));
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("output: window through GLFW"), run.output());
        assertTrue(run.output().contains("display droite: window through GLFW"), run.output());
    }
}
