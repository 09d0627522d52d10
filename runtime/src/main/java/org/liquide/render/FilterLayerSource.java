package org.liquide.render;

import org.liquide.render.gl.Framebuffer;
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

    /**
     * As {@link #process}, but may draw its last step straight into {@code composite}, which holds the
     * same picture as {@code below}, blended as a normal layer at full opacity (the compositor asks only
     * when nothing else would differ). Returns true when it did: the composite is then the layer's result
     * and its image; false when it drew its image apart, to be composited as usual.
     */
    boolean processInto(Texture2D below, Framebuffer composite, FrameClock clock);
}
