package org.liquide.scene;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.liquide.camera.CameraFeed;
import org.liquide.camera.CameraSpec;
import org.liquide.render.BlendMode;
import org.liquide.render.FitMode;
import org.liquide.scene.model.GeneratorSettings;
import org.liquide.scene.model.LayerDefinition;
import org.liquide.scene.model.LayerLook;
import org.liquide.scene.model.SceneDefinition;
import org.liquide.signal.SignalBus;
import org.liquide.testing.OffscreenGl;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A camera's picture is mirrored where the showcase says the camera faces the visitors, not by default: a
 * test pattern or a film read backwards otherwise. A scene's own {@code mirror} flips what the showcase shows.
 */
@ExtendWith(OffscreenGl.class)
class CameraMirrorTest {
    @TempDir
    Path dir;

    private final SignalBus bus = new SignalBus();
    private final CameraFeed plain = CameraFeed.of("mire", new CameraSpec.TestPattern(64, 36, 30)).start();
    private final CameraFeed facing = CameraFeed.of("salle", new CameraSpec.TestPattern(64, 36, 30), true).start();
    private final SceneResources resources = new SceneResources() {
        public SignalBus signals() {
            return bus;
        }

        public Optional<CameraFeed> camera(String name) {
            return Optional.ofNullable(Map.of("mire", plain, "salle", facing).get(name));
        }

        public int width() {
            return 64;
        }

        public int height() {
            return 36;
        }
    };

    @AfterEach
    void stopCameras() {
        plain.close();
        facing.close();
    }

    private static LayerLook look(boolean mirror) {
        return new LayerLook(BlendMode.NORMAL, 1, FitMode.STRETCH, mirror, Optional.empty(), 0.35, 0.1, new float[]{0, 0, 1, 1});
    }

    @Test
    void aCameraIsMirroredOnlyWhereTheShowcaseSaysItFacesTheVisitors() throws Exception {
        GeneratorSettings none = new GeneratorSettings("builtin", List.of(), 3, 0.5, 32, 32, 1, 0.5, 0);
        SceneDefinition scene = new SceneDefinition("miroirs", dir, "", none, List.of(
                new LayerDefinition.Camera("mire-telle-quelle", "mire", look(false)),
                new LayerDefinition.Camera("mire-retournee", "mire", look(true)),
                new LayerDefinition.Camera("salle-en-miroir", "salle", look(false)),
                new LayerDefinition.Camera("salle-retournee", "salle", look(true))),
                List.of(), 1.0, Optional.empty(), List.of(), false);
        try (SceneInstance instance = SceneInstance.create(ScenePreparer.prepare(scene, resources), resources)) {
            assertFalse(instance.styles().get("mire-telle-quelle").mirror(), "a test pattern reads as it is");
            assertTrue(instance.styles().get("mire-retournee").mirror(), "unless the scene flips it");
            assertTrue(instance.styles().get("salle-en-miroir").mirror(), "the camera facing the visitors is a mirror");
            assertFalse(instance.styles().get("salle-retournee").mirror(), "and the scene's flip turns it back");
        }
    }
}
