package org.liquide.scene;

/** Told when a storyboard cue fires, on the render thread: must only hand the news on, at once. */
@FunctionalInterface
public interface CueListener {
    CueListener NONE = (scene, index, atSeconds) -> { };

    void fired(String scene, int index, double atSeconds);
}
