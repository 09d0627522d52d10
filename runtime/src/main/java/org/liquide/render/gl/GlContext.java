package org.liquide.render.gl;

/**
 * An OpenGL context current on the render thread, with somewhere to show frames.
 * Exactly one thread (the render thread) creates, uses and closes it.
 */
public sealed interface GlContext extends AutoCloseable permits EglOffscreenContext, GlfwWindowContext {

    /** One line for the log: which platform, which device, which GL. */
    String description();

    /** True when frames go to a screen and swapping waits for vertical sync. */
    boolean presentsToScreen();

    /** Width in pixels of what {@link #present} draws into (0 when offscreen). */
    int surfaceWidth();

    int surfaceHeight();

    /** Shows the back buffer (window) or does nothing (offscreen). Handles window events. */
    void present();

    /** True when a person asked to close the window. */
    boolean closeRequested();

    @Override
    void close();
}
