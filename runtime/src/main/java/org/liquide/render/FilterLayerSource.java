package org.liquide.render;

import org.liquide.render.gl.Texture2D;

/**
 * A layer that processes what lies below it (an ISF filter's {@code inputImage}). The compositor calls
 * {@link #process} while compositing, with the result of the layers below, then draws the layer's
 * image as usual. Render thread only; must not block or allocate in steady state.
 */
public interface FilterLayerSource extends LayerSource {

    /**
     * Draws this frame's image from {@code below} (output-sized, bottom row first). It may bind any
     * framebuffer, program and texture: the compositor sets its own state again afterwards.
     */
    void process(Texture2D below, FrameClock clock);
}
