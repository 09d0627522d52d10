package org.liquide.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.testing.ImageStats;

import javax.imageio.ImageIO;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code liquide run}: a showcase's snapshot follows its recording policy; bad options exit 2. */
class RunCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run liquide(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path showcase(boolean includeCamera) throws Exception {
        Path scene = Files.createDirectories(dir.resolve("scenes/salle"));
        Files.writeString(scene.resolve("fond.frag"), "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(0.0, 1.0, 0.0, 1.0); }\n");
        Files.writeString(scene.resolve("scene.yaml"), """
                layers:
                  - {name: fond, type: shader, file: fond.frag}
                  - {name: visiteur, type: camera, camera: salle, fit: fill}
                """);
        Path file = dir.resolve("showcase.yaml");
        Files.writeString(file, "showcase: essai\noutput: {size: 160x90}\ncameras: [{name: salle, source: test}]\nscenes: scenes\n"
                + "playlist: [{scene: salle, duration: 10m}]\nrecording: {journal: journal, include_camera: " + includeCamera + "}\n");
        return file;
    }

    @Test
    void theSnapshotLeavesTheCameraOutUnlessTheShowcaseAllowsIt() throws Exception {
        Path png = dir.resolve("snapshot.png");
        Run run = liquide("run", showcase(false).toString(), "--headless", "--frames", "30", "--no-panel", "--ignore-schedule", "--snapshot", png.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("without the live camera"), run.out());
        ImageStats stats = ImageStats.of(ImageIO.read(png.toFile()));
        assertTrue(stats.meanGreen() > 235 && stats.meanRed() < 20 && stats.stdGreen() < 5, "only the scene: " + stats);

        Path allowed = dir.resolve("allowed.png");
        Run withCamera = liquide("run", showcase(true).toString(), "--headless", "--frames", "30", "--no-panel", "--ignore-schedule", "--snapshot", allowed.toString());
        assertEquals(0, withCamera.code(), withCamera.err());
        ImageStats camera = ImageStats.of(ImageIO.read(allowed.toFile()));
        assertFalse(camera.meanGreen() > 235 && camera.stdGreen() < 5, "the camera is in the picture when allowed: " + camera);
    }

    @Test
    void aSnapshotWithoutFramesIsRefused() throws Exception {
        Run run = liquide("run", showcase(false).toString(), "--headless", "--no-panel", "--snapshot", dir.resolve("x.png").toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("--snapshot needs --frames N"), run.err());
    }
}
