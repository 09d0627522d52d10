package org.liquide.show;

import org.liquide.app.ShowLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.Await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.*;

/** The playlist rotates on its own, and an artist editing the scene shown does not hold it back. */
class PlaylistTest {
    @TempDir
    Path dir;

    private void scene(String name) throws Exception {
        scene(name, "0.2, 0.4, 0.6", "0s");
    }

    private void scene(String name, String rgb, String transition) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("scenes").resolve(name));
        Files.writeString(folder.resolve("fond.frag"), "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(" + rgb + ", 1.0); }\n");
        Files.writeString(folder.resolve("scene.yaml"), "transition: " + transition + "\nlayers:\n  - {name: fond, type: shader, file: fond.frag}\n");
    }


    @Test
    void aSwitchCrossfadesOverTheScenesOwnTransition() throws Exception {
        scene("rouge", "1.0, 0.0, 0.0", "0s");
        scene("bleu", "0.0, 0.0, 1.0", "0s");
        scene("lent", "0.0, 1.0, 0.0", "20s");
        var config = TestShowcases.config(dir, List.of("rouge", "bleu", "lent"), Optional.empty(), false, List.of());
        try (ShowRuntime runtime = ShowLauncher.start(config, TestShowcases.offscreen())) {
            Await.until(Await.GENEROUS, "red on stage", () -> ShowFrames.centre(runtime) == 0xFF0000);
            runtime.control().switchScene("bleu");
            Await.until(Await.GENEROUS, "blue, with no crossfade: its transition is 0 s", () -> ShowFrames.centre(runtime) == 0x0000FF);
            runtime.control().switchScene("lent");
            Await.until(Await.GENEROUS, "the switch under way", () -> runtime.status().scene().equals("lent") && ShowFrames.centre(runtime) != 0x0000FF);
            int partway = ShowFrames.centre(runtime);
            assertTrue((partway & 0xFF) > 100, "still mostly blue a moment into a 20 s crossfade: " + Integer.toHexString(partway));
        }
    }

    @Test
    void thePlaylistMovesOnWhileTheSceneShownIsBeingEdited() throws Exception {
        scene("un");
        scene("deux");
        var config = TestShowcases.withTurns(TestShowcases.config(dir, List.of("un", "deux"), Optional.empty(), false, List.of()), 3);
        try (ShowRuntime runtime = ShowLauncher.start(config, TestShowcases.offscreen())) {
            Await.until(Await.GENEROUS, "the first scene", () -> runtime.status().scene().equals("un"));
            long start = System.nanoTime();
            int edits = 0;
            // An edit every half second, each reloading the scene: its turn of 3 s still ends on time.
            while (runtime.status().scene().equals("un") && System.nanoTime() - start < Duration.ofSeconds(12).toNanos()) {
                Files.writeString(dir.resolve("scenes/un/scene.yaml"), "\n# edit " + ++edits + "\n", StandardOpenOption.APPEND);
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            }
            assertEquals("deux", runtime.status().scene(), "the playlist moved on after " + edits + " edits");
            assertEquals("", runtime.reloadError());
            Await.until(Await.GENEROUS, "back to the first scene", () -> runtime.status().scene().equals("un"));
        }
    }

    @Test
    void aSceneWhoseShaderDoesNotCompileIsRefusedAndSaidAndTheSceneShownStays() throws Exception {
        scene("rouge", "1.0, 0.0, 0.0", "0s");
        scene("casse", "0.0, 0.0 1.0", "0s");
        var config = TestShowcases.config(dir, List.of("rouge", "casse"), Optional.empty(), false, List.of());
        try (ShowRuntime runtime = ShowLauncher.start(config, TestShowcases.offscreen())) {
            Await.until(Await.GENEROUS, "red on stage", () -> ShowFrames.centre(runtime) == 0xFF0000);
            runtime.control().switchScene("casse");
            Await.until(Await.GENEROUS, () -> "the compile error reported: '" + runtime.reloadError() + "'",
                    () -> runtime.reloadError().contains("casse") && runtime.reloadError().contains("fond.frag"));
            assertEquals(0xFF0000, ShowFrames.centre(runtime), "the scene shown stays");
        }
    }
}
