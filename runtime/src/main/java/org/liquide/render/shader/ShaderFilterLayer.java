package org.liquide.render.shader;

import org.liquide.render.FilterLayerSource;
import org.liquide.render.FrameClock;
import org.liquide.render.gl.Framebuffer;
import org.liquide.render.gl.Texture2D;

/**
 * A shader layer that processes the layers below it: the compositor hands it their result as the
 * shader's {@code inputImage} and the shader renders at that size. Nothing is drawn while the layer is
 * invisible (the compositor skips it).
 */
public final class ShaderFilterLayer extends ShaderLayer implements FilterLayerSource {

    ShaderFilterLayer(ShaderTime time) {
        super(time);
    }

    @Override
    public boolean isFilter() {
        return true;
    }

    @Override
    public void update(FrameClock clock) {
        // Drawn in process(), once the layers below are composited.
    }

    @Override
    public void process(Texture2D below, FrameClock clock) {
        render(clock, below.width(), below.height(), below);
    }

    @Override
    public boolean processInto(Texture2D below, Framebuffer composite, FrameClock clock) {
        return render(clock, below.width(), below.height(), below, composite);
    }
}
