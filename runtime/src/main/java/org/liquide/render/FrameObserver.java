package org.liquide.render;

import org.liquide.render.gl.Framebuffer;

/** Told by the render thread about every composited frame (previews, recorders, tests). Must not block. */
@FunctionalInterface
public interface FrameObserver {
    void frameComposited(FrameClock clock, Framebuffer frame);
}
