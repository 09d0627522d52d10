package org.liquide.render;

import org.liquide.frame.ColorEncoding;
import org.liquide.frame.PixelFormat;
import org.liquide.render.gl.FrameTextures;
import org.liquide.render.gl.Texture2D;

/**
 * What a layer source offers the compositor this frame: the current texture, the previous one and how
 * far the crossfade between them has gone, plus how to read the texels. Filled in place by the source
 * (no allocation per frame); read by the compositor on the same thread. An uploaded frame
 * ({@link #set(FrameTextures, boolean)}) brings its other planes and colour encoding, which
 * {@link FrameSampling} hands to the shader; such an image does not crossfade.
 */
public final class LayerImage {
    private Texture2D current;
    private Texture2D previous;
    private float crossfade = 1f;
    private PixelFormat format = PixelFormat.RGBA32;
    private boolean topRowFirst;
    private FrameTextures frame;

    /** True once the source has something to show. */
    public boolean ready() {
        return current != null && current.hasStorage();
    }

    public Texture2D current() {
        return current;
    }

    /** The texture faded out as {@link #crossfade()} goes to 1; the current one when there is none. */
    public Texture2D previous() {
        return previous != null && previous.hasStorage() ? previous : current;
    }

    /** 0 shows the previous texture, 1 the current one. */
    public float crossfade() {
        return crossfade;
    }

    public PixelFormat format() {
        return format;
    }

    /** True for images uploaded from memory (row 0 at the top); false for images drawn by GL. */
    public boolean topRowFirst() {
        return topRowFirst;
    }

    /** The uploaded frame this image shows, with its planes; null for an image of one RGB(A) texture. */
    public FrameTextures frame() {
        return frame;
    }

    /** How the YUV planes mean colours; meaningless for RGB formats. */
    public ColorEncoding encoding() {
        return frame == null ? ColorEncoding.BT601_LIMITED : frame.encoding();
    }

    public int width() {
        return frame != null ? frame.width() : current == null ? 0 : current.width();
    }

    public int height() {
        return frame != null ? frame.height() : current == null ? 0 : current.height();
    }

    /** Shows an uploaded frame, whatever its layout, at once (no crossfade). */
    public void set(FrameTextures frame, boolean topRowFirst) {
        this.frame = frame;
        this.current = frame.plane(0);
        this.previous = current;
        this.crossfade = 1f;
        this.format = frame.format();
        this.topRowFirst = topRowFirst;
    }

    public void set(Texture2D current, Texture2D previous, float crossfade, PixelFormat format, boolean topRowFirst) {
        if (format.isYuv()) {
            throw new IllegalArgumentException(format + " images are set from their FrameTextures");
        }
        this.frame = null;
        this.current = current;
        this.previous = previous;
        this.crossfade = crossfade;
        this.format = format;
        this.topRowFirst = topRowFirst;
    }

    public void crossfade(float value) {
        this.crossfade = value;
    }
}
