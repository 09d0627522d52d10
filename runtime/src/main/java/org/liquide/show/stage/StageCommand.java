package org.liquide.show.stage;

import org.liquide.render.shader.ShaderDocument;
import org.liquide.scene.PreparedScene;

import java.nio.file.Path;

/** What other threads ask of the stage; queued and carried out by the render thread at a frame's start. */
public sealed interface StageCommand {
    /** Crossfade to a prepared scene over the given time. */
    record Show(PreparedScene scene, double transitionSeconds) implements StageCommand {
    }

    /** Fade to black (or back) over the given time. */
    record Blackout(boolean on, double fadeSeconds) implements StageCommand {
    }

    /** Stop drawing scenes: black, the scene closed, the GPU idle. */
    record Sleep() implements StageCommand {
    }

    /** A shader file changed: its layers in the scene on screen compile the new version (read and checked already). */
    record ReloadShader(Path file, ShaderDocument document) implements StageCommand {
    }
}
