package org.liquide.testing;

import org.liquide.camera.CameraFeed;
import org.liquide.scene.SceneResources;
import org.liquide.signal.SignalBus;

import java.util.Optional;

/** What a scene needs of a show with no cameras: a signal bus and the output's size. */
public record CameralessSceneResources(SignalBus signals, int width, int height) implements SceneResources {
    @Override
    public Optional<CameraFeed> camera(String name) {
        return Optional.empty();
    }
}
