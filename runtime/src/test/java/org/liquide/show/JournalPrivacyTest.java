package org.liquide.show;

import org.liquide.app.ShowLauncher;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.Await;
import org.liquide.showcase.ShowcaseConfig;
import org.liquide.testing.ImageStats;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Visitors are filmed: by default the journal's snapshots and recordings show the scene with the live camera
 * layer left out, while the room sees it; only a configuration that says so puts the camera on disk.
 */
class JournalPrivacyTest {
    private static final Duration WITHIN = Await.GENEROUS;

    @TempDir
    Path dir;

    private ShowcaseConfig showcase() throws Exception {
        Path scene = Files.createDirectories(dir.resolve("scenes/salle"));
        Files.writeString(scene.resolve("fond.frag"), "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(0.0, 1.0, 0.0, 1.0); }\n");
        Files.writeString(scene.resolve("scene.yaml"), """
                layers:
                  - {name: fond, type: shader, file: fond.frag}
                  - {name: visiteur, type: camera, camera: salle, fit: fill}
                """);
        return TestShowcases.config(dir, List.of("salle"), Optional.empty(), false, List.of());
    }

    private static BufferedImage output(ShowRuntime runtime) {
        AtomicReference<BufferedImage> frame = new AtomicReference<>();
        runtime.loop().requestReadback(frame::set);
        Await.until(WITHIN, "a frame read back", () -> frame.get() != null);
        return frame.get();
    }

    /** Solid green, as the scene is without its camera layer (JPEG and H.264 blur a little). */
    private static boolean onlyTheScene(BufferedImage image) {
        ImageStats stats = ImageStats.of(image);
        return stats.meanGreen() > 235 && stats.meanRed() < 20 && stats.meanBlue() < 20 && stats.stdGreen() < 5;
    }

    private static void awaitCameraOnScreen(ShowRuntime runtime) {
        Await.until(WITHIN, "the camera shown in the room", () -> !onlyTheScene(output(runtime)));
    }

    @Test
    void byDefaultSnapshotsAndRecordingsLeaveTheCameraOut() throws Exception {
        try (ShowRuntime runtime = ShowLauncher.start(showcase(), TestShowcases.offscreen())) {
            awaitCameraOnScreen(runtime);

            Path snapshot = runtime.control().snapshot().get(WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertTrue(onlyTheScene(ImageIO.read(snapshot.toFile())), "the snapshot shows the scene without the camera: " + ImageStats.of(ImageIO.read(snapshot.toFile())));

            Path recording = runtime.control().startRecording();
            long start = runtime.loop().framesRendered();
            Await.until(WITHIN, "a second of show recorded", () -> runtime.loop().framesRendered() > start + 60);
            runtime.control().stopRecording();
            int frames = 0;
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(recording.toFile());
                 Java2DFrameConverter converter = new Java2DFrameConverter()) {
                grabber.start();
                Frame frame;
                while ((frame = grabber.grabImage()) != null) {
                    BufferedImage image = converter.convert(frame);
                    assertTrue(onlyTheScene(image), "recorded frame " + frames + " shows the scene without the camera: " + ImageStats.of(image));
                    frames++;
                }
            }
            assertTrue(frames > 5, "frames recorded: " + frames);
        }
    }

    @Test
    void aConfigurationThatSaysSoPutsTheCameraInSnapshots() throws Exception {
        try (ShowRuntime runtime = ShowLauncher.start(TestShowcases.withCameraRecorded(showcase(), true), TestShowcases.offscreen())) {
            awaitCameraOnScreen(runtime);
            Path snapshot = runtime.control().snapshot().get(WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertFalse(onlyTheScene(ImageIO.read(snapshot.toFile())), "the camera is in the snapshot when allowed");
        }
    }
}
