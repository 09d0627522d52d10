package org.liquide.show;

import org.liquide.app.ShowLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.Await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A stop while scenes change: the shutdown hook (SIGTERM) and the main thread close the show at the same
 * moment. Both closes used to free the same native frames, and glibc aborted the process
 * ("double free or corruption"). One close does the work; the other waits for it.
 */
class ShowCloseTest {
    @TempDir
    Path dir;

    private void scene(String name, long seed) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("scenes").resolve(name));
        Files.writeString(folder.resolve("scene.yaml"), """
                generator: {model: builtin, seed: %d}
                layers:
                  - {name: genere, type: generate, camera: salle}
                  - {name: salle, type: camera, camera: salle, opacity: 0.5}
                """.formatted(seed));
    }

    @Test
    void closingFromTwoThreadsAtOnceDuringSceneChangesFreesEverythingOnce() throws Exception {
        scene("un", 1);
        scene("deux", 2);
        var config = TestShowcases.config(dir, List.of("un", "deux"), Optional.empty(), false, List.of());
        ExecutorService closers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                ShowRuntime runtime = ShowLauncher.start(config, TestShowcases.offscreen());
                Await.until(Await.GENEROUS, "the first scene on stage", () -> runtime.sceneOnStage().equals("un"));
                runtime.control().switchScene("deux");
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Long>> closes = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    closes.add(closers.submit(() -> {
                        together.await();
                        runtime.close();
                        return System.nanoTime();
                    }));
                }
                for (Future<Long> close : closes) {
                    assertNotNull(close.get(60, TimeUnit.SECONDS), "a close returned");
                }
                assertTrue(runtime.loop().awaitFinished(0, TimeUnit.SECONDS), "the render loop has ended when either close returns");
                runtime.close(); // and a third, later, is harmless
            }
        } finally {
            closers.shutdownNow();
        }
    }
}
