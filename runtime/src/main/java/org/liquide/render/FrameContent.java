package org.liquide.render;

import org.liquide.render.gl.Framebuffer;

/**
 * What the render loop draws each frame: it updates its sources and composites them. Created on the
 * render thread once OpenGL is up, used and closed there. Must not block or allocate in steady state.
 */
public interface FrameContent extends AutoCloseable {

    /** Draws this frame and returns the framebuffer holding it. */
    Framebuffer render(FrameClock clock, Compositor compositor);

    /** True while there is nothing to animate (the show asleep): the loop then draws a few frames per second. */
    default boolean idle() {
        return false;
    }

    /**
     * False while there is nothing on stage yet (a show whose first scene is still being prepared): such
     * frames do not count towards the output's frame limit.
     */
    default boolean showing() {
        return true;
    }

    @Override
    void close();

    /** Builds the content on the render thread, for an output of the given size. */
    @FunctionalInterface
    interface Factory {
        FrameContent create(int width, int height);
    }
}
