package org.liquide.show;

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
        Path folder = Files.createDirectories(dir.resolve("scenes").resolve(name));
        Files.writeString(folder.resolve("fond.frag"), "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(0.2, 0.4, 0.6, 1.0); }\n");
        Files.writeString(folder.resolve("scene.yaml"), "transition: 0s\nlayers:\n  - {name: fond, type: shader, file: fond.frag}\n");
    }

    @Test
    void thePlaylistMovesOnWhileTheSceneShownIsBeingEdited() throws Exception {
        scene("un");
        scene("deux");
        var config = TestShowcases.withTurns(TestShowcases.config(dir, List.of("un", "deux"), Optional.empty(), false, List.of()), 3);
        try (ShowRuntime runtime = ShowRuntime.start(config, TestShowcases.offscreen())) {
            Await.until(Duration.ofSeconds(10), "the first scene", () -> runtime.status().scene().equals("un"));
            long start = System.nanoTime();
            int edits = 0;
            // An edit every half second, each reloading the scene: its turn of 3 s still ends on time.
            while (runtime.status().scene().equals("un") && System.nanoTime() - start < Duration.ofSeconds(12).toNanos()) {
                Files.writeString(dir.resolve("scenes/un/scene.yaml"), "\n# edit " + ++edits + "\n", StandardOpenOption.APPEND);
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            }
            assertEquals("deux", runtime.status().scene(), "the playlist moved on after " + edits + " edits");
            assertEquals("", runtime.reloadError());
            Await.until(Duration.ofSeconds(10), "back to the first scene", () -> runtime.status().scene().equals("un"));
        }
    }
}
