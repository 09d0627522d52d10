package org.liquide.render.layer;

import org.liquide.frame.PixelFormat;
import org.liquide.render.FrameClock;
import org.liquide.render.LayerImage;
import org.liquide.render.LayerSource;
import org.liquide.render.gl.Framebuffer;

/**
 * Another composition's result as a layer (a scene during a crossfade). The owner points it at the
 * framebuffer to show each frame; it does not own the framebuffer.
 */
public final class FramebufferSource implements LayerSource {
    private final LayerImage image = new LayerImage();

    /** Shows this framebuffer's colour from now on (null hides the layer). */
    public void show(Framebuffer framebuffer) {
        image.set(framebuffer == null ? null : framebuffer.color(), null, 1f, PixelFormat.RGBA32, false);
    }

    @Override
    public void update(FrameClock clock) {
        // The owner sets the framebuffer before compositing.
    }

    @Override
    public LayerImage image() {
        return image;
    }

    @Override
    public void close() {
        // Owns nothing.
    }
}
