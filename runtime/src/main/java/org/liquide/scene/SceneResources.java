package org.liquide.scene;

import org.liquide.camera.CameraFeed;
import org.liquide.signal.SignalBus;

import java.util.Optional;

/** What a running show lends its scenes: the signal bus, its cameras, the output size. */
public interface SceneResources {
    SignalBus signals();

    /** The showcase's camera of this name, started. */
    Optional<CameraFeed> camera(String name);

    int width();

    int height();
}
