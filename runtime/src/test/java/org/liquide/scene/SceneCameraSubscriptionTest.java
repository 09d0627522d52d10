package org.liquide.scene;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.camera.CameraFeed;
import org.liquide.camera.CameraSpec;
import org.liquide.hardware.testing.Await;
import org.liquide.render.BlendMode;
import org.liquide.render.FitMode;
import org.liquide.render.FrameClock;
import org.liquide.scene.model.GeneratorSettings;
import org.liquide.scene.model.LayerDefinition;
import org.liquide.scene.model.LayerLook;
import org.liquide.scene.model.SceneDefinition;
import org.liquide.signal.SignalBus;
import org.liquide.testing.OffscreenGl;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A scene's camera and generate layers receive the camera's frames while the scene lives, and no longer
 * once it is closed or discarded: a show changes scene every few minutes for weeks, and every consumer
 * left behind would keep a copy of each camera frame (and the capture thread's time) for ever.
 */
@ExtendWith(OffscreenGl.class)
class SceneCameraSubscriptionTest {
    @TempDir
    Path dir;

    private final SignalBus bus = new SignalBus();
    private final CameraFeed salle = CameraFeed.of("salle", new CameraSpec.TestPattern(64, 36, 30)).start();
    private final SceneResources resources = new SceneResources() {
        public SignalBus signals() {
            return bus;
        }

        public Optional<CameraFeed> camera(String name) {
            return name.equals("salle") ? Optional.of(salle) : Optional.empty();
        }

        public int width() {
            return 64;
        }

        public int height() {
            return 36;
        }
    };

    @AfterEach
    void stopCamera() {
        salle.close();
    }

    private SceneDefinition scene() {
        LayerLook look = new LayerLook(BlendMode.NORMAL, 1, FitMode.STRETCH, false, Optional.empty(), 0.35, 0.1, new float[]{0, 0, 1, 1});
        GeneratorSettings small = new GeneratorSettings("builtin", List.of(), 3, 0.5, 32, 32, 1, 0.5, 0);
        return new SceneDefinition("deux", dir, "", small, List.of(
                new LayerDefinition.Camera("visiteurs", "salle", look),
                new LayerDefinition.Generate("gauche", Optional.empty(), Optional.of("salle"), look),
                new LayerDefinition.Generate("droite", Optional.empty(), Optional.of("salle"), look)),
                List.of(), 1.0, Optional.empty(), List.of(), false);
    }

    @Test
    void aClosedSceneNoLongerReceivesTheCamerasFrames() throws Exception {
        FrameClock clock = new FrameClock();
        for (int turn = 0; turn < 3; turn++) {
            PreparedScene prepared = ScenePreparer.prepare(scene(), resources);
            assertEquals(2, salle.subscriberCount(), "each generator worker reads the camera");
            try (SceneInstance instance = SceneInstance.create(prepared, resources)) {
                assertEquals(3, salle.subscriberCount(), "and so does the camera layer");
                long shown = salle.framesCaptured();
                Await.until(Await.GENEROUS, "camera frames while the scene is on", () -> salle.framesCaptured() > shown + 3);
                clock.advance(System.nanoTime());
                instance.render(clock);
            }
            assertEquals(0, salle.subscriberCount(), "after scene " + turn + " closed, nothing of it reads the camera");
        }

        ScenePreparer.prepare(scene(), resources).discard();
        assertEquals(0, salle.subscriberCount(), "a prepared scene discarded (a refused edit) leaves no reader behind");
        long before = salle.framesCaptured();
        Await.until(Await.GENEROUS, "the camera going on with no reader", () -> salle.framesCaptured() > before + 3);
    }
}
