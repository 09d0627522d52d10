package org.liquide.render;

import org.liquide.render.gl.Texture2D;

/**
 * How a layer is drawn this frame. Mutable on purpose: mappings move opacity and key every frame, and
 * the render thread must not allocate to do so. Owned by the render thread.
 */
public final class LayerStyle {
    private BlendMode blend = BlendMode.NORMAL;
    private float opacity = 1f;
    private FitMode fit = FitMode.FILL;
    private boolean mirror;
    private float keyThreshold = 0.35f;
    private float keySoftness = 0.1f;
    private Texture2D mask;
    private final float[] region = {0, 0, 1, 1};

    public BlendMode blend() {
        return blend;
    }

    public LayerStyle blend(BlendMode value) {
        this.blend = value;
        return this;
    }

    public float opacity() {
        return opacity;
    }

    public LayerStyle opacity(float value) {
        this.opacity = Float.isNaN(value) ? 0f : Math.max(0f, Math.min(1f, value));
        return this;
    }

    public FitMode fit() {
        return fit;
    }

    public LayerStyle fit(FitMode value) {
        this.fit = value;
        return this;
    }

    public boolean mirror() {
        return mirror;
    }

    public LayerStyle mirror(boolean value) {
        this.mirror = value;
        return this;
    }

    /** Luminance above which a luminance-keyed layer shows, in [0,1]. */
    public float keyThreshold() {
        return keyThreshold;
    }

    public LayerStyle keyThreshold(float value) {
        this.keyThreshold = value;
        return this;
    }

    /** Where on the output the layer is drawn: x0, y0, x1, y1 in [0,1], y down (the whole output by default). */
    /** Whether the layer's region is the whole output. */
    public boolean coversOutput() {
        return region[0] <= 0f && region[1] <= 0f && region[2] >= 1f && region[3] >= 1f;
    }

    public float[] region() {
        return region;
    }

    public LayerStyle region(float x0, float y0, float x1, float y1) {
        if (!(x1 > x0 && y1 > y0)) {
            throw new IllegalArgumentException("a region needs x1 > x0 and y1 > y0");
        }
        region[0] = x0;
        region[1] = y0;
        region[2] = x1;
        region[3] = y1;
        return this;
    }

    /** A grey image over the whole output (red channel used): white shows the layer, black hides it. */
    public Texture2D mask() {
        return mask;
    }

    public LayerStyle mask(Texture2D value) {
        this.mask = value;
        return this;
    }

    /** Half-width of the soft edge around the key threshold. */
    public float keySoftness() {
        return keySoftness;
    }

    public LayerStyle keySoftness(float value) {
        this.keySoftness = Math.max(1e-4f, value);
        return this;
    }
}
