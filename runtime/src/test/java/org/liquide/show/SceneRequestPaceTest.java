package org.liquide.show;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.hardware.testing.Await;
import org.liquide.scene.SceneFiles;
import org.liquide.scene.SceneResources;
import org.liquide.show.stage.Stage;
import org.liquide.showcase.PlaylistEntry;
import org.liquide.signal.SignalBus;

import org.liquide.testing.CameralessSceneResources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flood of {@code next} requests changes the scene at most once per
 * {@value ScenePlayer#MIN_MILLIS_BETWEEN_REQUESTS} ms, counted from the end of the change before: a request
 * that comes while a scene is being prepared waits its turn too.
 */
class SceneRequestPaceTest {
    @TempDir
    Path dir;

    private void scene(String name) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("fond.frag"), "#version 330\nout vec4 fragColor;\nvoid main() { fragColor = vec4(1.0); }\n");
        Files.writeString(folder.resolve("scene.yaml"), "transition: 0s\nlayers:\n  - {name: fond, type: shader, file: fond.frag}\n");
    }

    @Test
    void aFloodOfNextChangesTheSceneNoFasterThanTheRequestPace() throws Exception {
        scene("rouge");
        scene("bleu");
        SignalBus bus = new SignalBus();
        SceneResources resources = new CameralessSceneResources(bus, 64, 36);
        // The stage is never drawn: its mailbox (16 commands) holds every change of the flood.
        Stage stage = new Stage(resources, shown -> { });
        List<Long> changes = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ScenePlayer player = new ScenePlayer(dir, new SceneFiles.Showcase(Set.of(), Set.of(), Set.of()),
                List.of(new PlaylistEntry("rouge", 3600, 0), new PlaylistEntry("bleu", 3600, 0)), stage, resources, System::nanoTime)) {
            player.onSceneChange((scene, transition) -> changes.add(System.nanoTime()));
            player.start(Optional.empty());
            // The first scene is told as a change too, after it is current: the flood starts once it was told.
            Await.until(Await.GENEROUS, "the first scene told", () -> changes.size() == 1);
            changes.clear();
            long floodEnd = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < floodEnd) {
                player.next();
                Thread.onSpinWait();
            }
            Await.until(Await.GENEROUS, "the flood's changes", () -> changes.size() >= 3);
            List<Long> times = List.copyOf(changes);
            long pace = ScenePlayer.MIN_MILLIS_BETWEEN_REQUESTS * 1_000_000L;
            for (int i = 1; i < times.size(); i++) {
                long gap = times.get(i) - times.get(i - 1);
                assertTrue(gap >= pace, "change " + i + " came " + gap / 1_000_000 + " ms after the one before; gaps: " + gaps(times));
            }
        }
    }

    private static List<Long> gaps(List<Long> times) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add((times.get(i) - times.get(i - 1)) / 1_000_000);
        }
        return gaps;
    }
}
