package org.liquide.generate.image;

/** The range a model expects pixel values in. */
public enum ValueRange {
    /** [0, 1]. */
    UNIT(1f, 0f),
    /** [-1, 1], as Stable Diffusion's VAE. */
    SIGNED(2f, -1f);

    private final float scale;
    private final float offset;

    ValueRange(float scale, float offset) {
        this.scale = scale;
        this.offset = offset;
    }

    /** Maps a value in [0, 1] into this range. */
    public float fromUnit(float unit) {
        return unit * scale + offset;
    }

    /** The factor from [0, 1] into this range. */
    public float scale() {
        return scale;
    }

    /** The offset from [0, 1] into this range. */
    public float offset() {
        return offset;
    }

    /** Maps a value in this range back to [0, 1] (not clamped). */
    public float toUnit(float value) {
        return (value - offset) / scale;
    }
}
