package org.liquide.render;

/** Work the render thread does at the start of every frame (parameters, drifts). Must not block or allocate. */
@FunctionalInterface
public interface FrameTask {
    void beforeFrame(FrameClock clock);
}
