package org.liquide.render;

import org.liquide.render.gl.Framebuffer;
import org.liquide.render.gl.FullscreenTriangle;
import org.liquide.render.gl.Texture2D;

import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.opengl.GL13C.GL_TEXTURE0;
import static org.lwjgl.opengl.GL13C.glActiveTexture;
import static org.lwjgl.opengl.GL14C.glBlendFuncSeparate;
import static org.lwjgl.opengl.GL20C.*;

/**
 * Draws a layer stack into an output-sized framebuffer, from the topmost opaque layer that covers the whole
 * output (what lies under it is not drawn). A layer whose blend fixed-function blending can do
 * (normal, add, multiply, screen, luminance key: the key folds into the alpha) is drawn in place over the
 * result so far, scissored to its region: one pass over its own pixels. A difference layer is blended by a
 * shader that reads the result so far and writes the other framebuffer (ping-pong), a full-screen pass.
 * The previous image of a crossfading source is read only while the crossfade runs. A filter that is the
 * last layer drawn, normal and fully opaque over the whole output, draws its last pass straight into the
 * composite (over a copy of the picture below, which it reads): no pass of its own output to copy back.
 * Each draw uses the shader variant compiled for what it needs ({@link CompositorProgram}), shared by the
 * compositors of the context. Owned by the render thread; allocates nothing per frame.
 */
public final class Compositor implements AutoCloseable {

    private final int width;
    private final int height;
    private final Framebuffer[] targets;
    private final CompositorPrograms programs;
    private final FullscreenTriangle triangle;
    private final float[] fit = new float[4];
    private int result;

    public Compositor(int width, int height) {
        this.width = width;
        this.height = height;
        this.targets = new Framebuffer[]{new Framebuffer(width, height), new Framebuffer(width, height)};
        this.programs = CompositorPrograms.current();
        this.triangle = new FullscreenTriangle();
    }

    /** Composites the layers bottom (index 0) to top over black; returns the framebuffer holding the result. */
    public Framebuffer render(Layer[] layers, int count, FrameClock clock) {
        return render(layers, count, clock, false);
    }

    /**
     * Composites the layers; with {@code withoutVisitors}, live camera layers are left out (the
     * picture that snapshots and recordings keep under the default privacy policy). Sources are not
     * updated here: call after the normal composite of the same frame.
     */
    public Framebuffer render(Layer[] layers, int count, FrameClock clock, boolean withoutVisitors) {
        Framebuffer first = targets[0];
        first.bindForDrawing();
        glClearColor(0f, 0f, 0f, 1f);
        glClear(GL_COLOR_BUFFER_BIT);
        result = 0;
        glDisable(GL_BLEND);
        glDisable(GL_DEPTH_TEST);
        boolean visitorsLeftOut = false;
        for (int i = firstVisible(layers, count, withoutVisitors); i < count; i++) {
            Layer layer = layers[i];
            LayerImage image = layer.source().image();
            float opacity = layer.style().opacity() * layer.source().presence();
            if (opacity <= 0f) {
                continue;
            }
            if (withoutVisitors && layer.showsVisitors()) {
                visitorsLeftOut = true;
                continue;
            }
            if (layer.source() instanceof FilterLayerSource filter) {
                if (withoutVisitors) {
                    // The filter already ran on this frame's full picture; where that held a visitor, its
                    // output may show them too, so it stays out of the private picture.
                    if (visitorsLeftOut) {
                        continue;
                    }
                } else if (drawsOnTop(layers, i, count, layer.style(), opacity)) {
                    boolean drawn = filter.processInto(targets[result].color(), copyOfResult(), clock);
                    if (drawn) {
                        result = 1 - result;
                        continue;
                    }
                } else {
                    filter.process(targets[result].color(), clock);
                }
            }
            if (image.ready()) {
                drawLayer(image, layer.style(), opacity);
            }
        }
        return targets[result];
    }

    /**
     * The lowest layer that can show: the topmost opaque layer covering the whole output hides every layer
     * below it, which is then not drawn (its source still updates). Layers below a filter are always drawn,
     * since the filter reads them.
     */
    private static int firstVisible(Layer[] layers, int count, boolean withoutVisitors) {
        for (int i = count - 1; i > 0; i--) {
            Layer layer = layers[i];
            if (!(withoutVisitors && layer.showsVisitors()) && coversOpaquely(layer)) {
                for (int j = 0; j < i; j++) {
                    if (layers[j].source() instanceof FilterLayerSource) {
                        return 0;
                    }
                }
                return i;
            }
        }
        return 0;
    }

    /** A normal layer at full opacity whose image has no alpha and fills the whole output. */
    private static boolean coversOpaquely(Layer layer) {
        if (layer.source() instanceof FilterLayerSource) {
            return false;
        }
        LayerStyle style = layer.style();
        LayerImage image = layer.source().image();
        return image.ready() && !image.format().hasAlpha() && style.blend() == BlendMode.NORMAL
                && style.opacity() * layer.source().presence() >= 1f && style.mask() == null
                && style.fit() != FitMode.FIT && style.coversOutput();
    }

    /** Whether a filter's output would simply cover the result: a normal, opaque, whole-output layer nothing is drawn over. */
    private static boolean drawsOnTop(Layer[] layers, int index, int count, LayerStyle style, float opacity) {
        if (opacity < 1f || style.blend() != BlendMode.NORMAL || style.mask() != null || style.mirror()
                || !style.coversOutput()) {
            return false;
        }
        for (int i = index + 1; i < count; i++) {
            if (layers[i].style().opacity() * layers[i].source().presence() > 0f) {
                return false;
            }
        }
        return true;
    }

    /** Copies the result into the other framebuffer (a plain copy, no shader) and returns that framebuffer. */
    private Framebuffer copyOfResult() {
        Framebuffer into = targets[1 - result];
        targets[result].copyInto(into);
        return into;
    }

    private void drawLayer(LayerImage image, LayerStyle style, float opacity) {
        BlendMode blend = style.blend();
        boolean inPlace = blend != BlendMode.DIFFERENCE;
        Framebuffer below = targets[result];
        Framebuffer target = inPlace ? below : targets[1 - result];
        target.bindForDrawing();
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, inPlace ? 0 : below.color().id()); // in place, the target is not also read
        glActiveTexture(GL_TEXTURE0 + 1);
        glBindTexture(GL_TEXTURE_2D, image.current().id());
        glActiveTexture(GL_TEXTURE0 + 2);
        glBindTexture(GL_TEXTURE_2D, image.previous().id());
        Texture2D mask = style.mask();
        boolean masked = mask != null && mask.hasStorage();
        if (masked) {
            glActiveTexture(GL_TEXTURE0 + 3);
            glBindTexture(GL_TEXTURE_2D, mask.id());
        }
        glActiveTexture(GL_TEXTURE0);

        float[] region = style.region();
        int regionWidth = Math.max(1, Math.round((region[2] - region[0]) * width));
        int regionHeight = Math.max(1, Math.round((region[3] - region[1]) * height));
        style.fit().transform(regionWidth, regionHeight, image.width(), image.height(), fit);
        CompositorProgram variant = programs.get(CompositorProgram.variant(FrameSampling.family(image.format()),
                image.crossfade() < 1f, inPlace, masked));
        variant.program.use();
        glUniform4f(variant.uFit, fit[0], fit[1], fit[2], fit[3]);
        glUniform4f(variant.uRegion, region[0], region[1], region[2], region[3]);
        glUniform1f(variant.uCrossfade, image.crossfade());
        glUniform1i(variant.uMirror, style.mirror() ? 1 : 0);
        glUniform1i(variant.uTopRowFirst, image.topRowFirst() ? 1 : 0);
        variant.sampling.apply(image);
        glUniform1i(variant.uBlend, blend.shaderCode());
        glUniform1f(variant.uOpacity, opacity);
        glUniform2f(variant.uKey, style.keyThreshold(), style.keySoftness());
        if (inPlace) {
            blendInPlace(blend, region);
            triangle.draw();
            glDisable(GL_SCISSOR_TEST);
            glDisable(GL_BLEND);
        } else {
            triangle.draw();
            result = 1 - result;
        }
    }

    /** Blending for a layer drawn in place, confined to its region (y down, 0 to 1); the result's alpha stays 1. */
    private void blendInPlace(BlendMode blend, float[] region) {
        glEnable(GL_BLEND);
        switch (blend) {
            case ADD -> glBlendFuncSeparate(GL_ONE, GL_ONE, GL_ZERO, GL_ONE);
            case MULTIPLY -> glBlendFuncSeparate(GL_DST_COLOR, GL_ZERO, GL_ZERO, GL_ONE);
            case SCREEN -> glBlendFuncSeparate(GL_ONE_MINUS_DST_COLOR, GL_ONE, GL_ZERO, GL_ONE);
            default -> glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE);
        }
        int x0 = (int) Math.floor(region[0] * width);
        int x1 = (int) Math.ceil(region[2] * width);
        int bottom = (int) Math.floor((1 - region[3]) * height);
        int top = (int) Math.ceil((1 - region[1]) * height);
        glEnable(GL_SCISSOR_TEST);
        glScissor(x0, bottom, Math.max(0, x1 - x0), Math.max(0, top - bottom));
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The framebuffer holding the last composited frame. */
    public Framebuffer result() {
        return targets[result];
    }

    @Override
    public void close() {
        triangle.close();
        for (Framebuffer target : targets) {
            target.close();
        }
    }
}
