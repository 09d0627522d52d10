package org.liquide.render.shader;

import org.liquide.render.FrameClock;

/** A shader layer that draws on its own (no {@code inputImage}), at the size it was given, in {@link #update}. */
public final class ShaderGeneratorLayer extends ShaderLayer {
    private int width;
    private int height;

    ShaderGeneratorLayer(int width, int height, ShaderTime time) {
        super(time);
        resize(width, height);
    }

    /** The size the shader renders at (RENDERSIZE, $WIDTH, $HEIGHT): the output's. */
    public void resize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("render size must be positive, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
    }

    @Override
    public boolean isFilter() {
        return false;
    }

    @Override
    public void update(FrameClock clock) {
        render(clock, width, height, null);
    }
}
