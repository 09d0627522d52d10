package org.liquide.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.testing.ImageStats;
import org.liquide.testing.TestVideos;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class DemoCommandTest {
    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void headlessDemoRuns120FramesAndItsSnapshotShowsTheCameraAndTheGeneratedLayer() throws Exception {
        Path video = TestVideos.redBlueHalves(dir.resolve("visitor.mp4"), 320, 180, 30, 30);
        Path snapshot = dir.resolve("out/demo.png");
        Result result = run("demo", "--headless", "--frames", "120", "--camera", video.toString(), "--snapshot", snapshot.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.exists(snapshot));
        assertTrue(result.out().contains("snapshot: "), result.out());

        BufferedImage image = ImageIO.read(snapshot.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(720, image.getHeight());
        ImageStats left = ImageStats.of(image, 0, 0, 640, 720);
        ImageStats right = ImageStats.of(image, 640, 0, 1280, 720);
        // The camera: red on the left, blue on the right, screened over the generated layer. Its opacity follows the
        // scripted visitor (55 % far, 12 % close, when it has dissolved into the tide), so each half is compared with
        // its own other channel rather than with a fixed level.
        assertTrue(left.meanRed() > left.meanBlue() + 12, "camera's red half: " + left);
        assertTrue(right.meanBlue() > right.meanRed() + 12, "camera's blue half: " + right);
        // The generated layer: the camera has no green at all, so green and its variation come from the generator
        // (a dark tide by design: its palette runs from ink blue to amber).
        ImageStats whole = ImageStats.of(image);
        assertTrue(whole.meanGreen() > 6, "generated layer visible: " + whole);
        // Structure, whatever the moment of the tide the snapshot falls on: green varies across the picture by a good
        // share of its level (a flat layer varies by none).
        assertTrue(whole.stdGreen() > 0.3 * whole.meanGreen(), "generated layer has structure: " + whole);
    }

    @Test
    void aNamedCameraThatCannotOpenIsOneClearLineAndExitTwo() {
        Path missing = dir.resolve("no-such-camera.mp4");
        Result result = run("demo", "--headless", "--frames", "5", "--camera", missing.toString());
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("no-such-camera.mp4"), result.err());
        assertTrue(result.err().contains("video devices") || result.err().contains("devices found"), result.err());
        assertEquals(1, result.err().strip().lines().count(), "one line: " + result.err());
    }

    @Test
    void badOptionsExitTwo() {
        assertEquals(2, run("demo", "--size", "big").exitCode());
        assertEquals(2, run("demo", "--frames", "-3", "--headless").exitCode());
        assertEquals(2, run("demo", "--no-such-option").exitCode());
    }

    @Test
    void theTestPatternDemoRunsWhenNoCameraIsNamedOnAMachineWithoutOne() throws Exception {
        Path snapshot = dir.resolve("pattern.png");
        Result result = run("demo", "--headless", "--frames", "30", "--size", "320x180", "--camera", "test", "--snapshot", snapshot.toString());
        assertEquals(0, result.exitCode(), result.err());
        BufferedImage image = ImageIO.read(snapshot.toFile());
        assertEquals(320, image.getWidth());
        assertTrue(ImageStats.of(image).stdRed() > 10, "something was drawn");
    }
}
