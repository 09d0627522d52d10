package org.liquide.render;

import org.liquide.render.gl.Framebuffer;
import org.liquide.render.gl.FullscreenQuad;
import org.liquide.render.gl.Texture2D;

import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.opengl.GL13C.GL_TEXTURE0;
import static org.lwjgl.opengl.GL13C.glActiveTexture;
import static org.lwjgl.opengl.GL14C.glBlendFuncSeparate;
import static org.lwjgl.opengl.GL12C.GL_CLAMP_TO_EDGE;
import static org.lwjgl.opengl.GL20C.*;
import static org.lwjgl.opengl.GL33C.glBindSampler;
import static org.lwjgl.opengl.GL33C.glDeleteSamplers;
import static org.lwjgl.opengl.GL33C.glGenSamplers;
import static org.lwjgl.opengl.GL33C.glSamplerParameteri;

/**
 * Draws a layer stack into an output-sized framebuffer, from the topmost opaque layer that covers the whole
 * output (what lies under it is not drawn). Each layer draws the rectangle its image covers and nothing else
 * ({@link LayerQuad}): one pass over its own pixels, with no per-pixel test of where it is, which keeps a
 * software rasteriser on its fast path. An opaque normal layer is written as it is. A translucent one whose
 * blend fixed-function blending can do (normal, add, multiply, screen, luminance key: the key folds into the
 * alpha) is blended in place. A difference layer reads a copy of the pixels below it. The previous image of
 * a crossfading source is read only while the crossfade runs. A filter that is the last layer drawn, normal
 * and fully opaque over the whole output, draws its last pass straight into the composite (over a copy of
 * the picture below, which it reads): no pass of its own output to copy back. Consecutive normal layers of
 * one-plane images (stills, generated images between crossfades) are drawn as a run, up to four in one
 * pass ({@link LayerRunProgram}), blended over the picture once; where their rectangles differ, the run is
 * drawn in pieces each covered by the same layers ({@link RunPieces}), so a layer over a region costs what
 * its area costs. Each draw uses the shader variant compiled for what it needs ({@link CompositorProgram}),
 * shared by the compositors of the context. Owned by the render thread; allocates nothing per frame.
 */
public final class Compositor implements AutoCloseable {

    private final int width;
    private final int height;
    private final Framebuffer[] targets;
    private final CompositorPrograms programs;
    private final FullscreenQuad layerQuad;
    private final LayerQuad quad = new LayerQuad();
    /** Nearest sampling, for an image drawn texel for texel: the same picture as linear filtering, for less work. */
    private final int nearest;
    /** A run of layers drawn in one pass: their placements, images and opacities (render thread, per frame). */
    private final LayerQuad[] runQuads = new LayerQuad[LayerRunProgram.MOST];
    private final LayerImage[] runImages = new LayerImage[LayerRunProgram.MOST];
    private final float[] runOpacities = new float[LayerRunProgram.MOST];
    private final RunPieces pieces = new RunPieces();
    /** A layer's image coordinates over the piece being drawn. */
    private final float[] pieceImage = new float[4];
    private int result;
    private int layerPasses;

    public Compositor(int width, int height) {
        this.width = width;
        this.height = height;
        this.targets = new Framebuffer[]{new Framebuffer(width, height), new Framebuffer(width, height)};
        this.programs = CompositorPrograms.current();
        this.layerQuad = new FullscreenQuad();
        for (int k = 0; k < runQuads.length; k++) {
            runQuads[k] = new LayerQuad();
        }
        this.nearest = glGenSamplers();
        glSamplerParameteri(nearest, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glSamplerParameteri(nearest, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glSamplerParameteri(nearest, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glSamplerParameteri(nearest, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
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
        layerPasses = 0;
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
            int runEnd = runFrom(layers, i, count, withoutVisitors);
            if (runEnd > i + 1) {
                drawRun(runEnd - i);
                i = runEnd - 1;
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

    /**
     * The end (exclusive) of the run of layers from {@code from} that one pass can draw: consecutive layers
     * that each draw (visible, ready, not left out), normal, without a mask or a running crossfade, of a
     * one-plane image; at most {@link LayerRunProgram#MOST}. Their placements and opacities are kept for
     * {@link #drawRun}. {@code from + 1} or less means no run.
     */
    private int runFrom(Layer[] layers, int from, int count, boolean withoutVisitors) {
        int end = from;
        while (end < count && end - from < LayerRunProgram.MOST) {
            Layer layer = layers[end];
            int n = end - from;
            if (!runnable(layer, withoutVisitors)) {
                break;
            }
            LayerImage image = layer.source().image();
            LayerStyle style = layer.style();
            LayerQuad placed = runQuads[n];
            if (!placed.place(style.region(), style.fit(), style.mirror(), image.topRowFirst(), image.width(),
                    image.height(), width, height)) {
                break;
            }
            runImages[n] = image;
            runOpacities[n] = style.opacity() * layer.source().presence();
            end++;
        }
        return end;
    }

    private static boolean runnable(Layer layer, boolean withoutVisitors) {
        if (layer.source() instanceof FilterLayerSource || (withoutVisitors && layer.showsVisitors())) {
            return false;
        }
        LayerStyle style = layer.style();
        LayerImage image = layer.source().image();
        Texture2D mask = style.mask();
        return image.ready() && style.opacity() * layer.source().presence() > 0f && style.blend() == BlendMode.NORMAL
                && (mask == null || !mask.hasStorage()) && image.crossfade() >= 1f
                && FrameSampling.family(image.format()) == 0;
    }

    /** Draws the {@code layers} placed by {@link #runFrom} in one pass, piece by piece, blended over the picture once. */
    private void drawRun(int layers) {
        pieces.cut(runQuads, layers);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, 0);
        targets[result].bindForDrawing();
        for (int piece = 0; piece < pieces.count; piece++) {
            drawPiece(piece);
        }
        glDisable(GL_BLEND);
        for (int k = 0; k < LayerRunProgram.MOST; k++) {
            glBindSampler(LayerRunProgram.unit(k), 0);
        }
        for (int k = 0; k < layers; k++) {
            runImages[k] = null;
        }
        layerPasses++;
    }

    /** Draws one piece of the run: the layers that cover it, mixed in the program made for them. */
    private void drawPiece(int piece) {
        int members = pieces.members[piece];
        float[] at = pieces.rectangles;
        int corner = 4 * piece;
        float x0 = at[corner];
        float y0 = at[corner + 1];
        float x1 = at[corner + 2];
        float y1 = at[corner + 3];
        LayerRunProgram program = programs.run(LayerRunProgram.key(runImages, members));
        program.program.use();
        program.setRectangle(x0, y0, x1, y1);
        int first = Integer.numberOfTrailingZeros(members);
        int slot = 0;
        for (int k = first; k < LayerRunProgram.MOST; k++) {
            if ((members & 1 << k) == 0) {
                continue;
            }
            int unit = LayerRunProgram.unit(slot);
            glActiveTexture(GL_TEXTURE0 + unit);
            glBindTexture(GL_TEXTURE_2D, runImages[k].current().id());
            glBindSampler(unit, runQuads[k].texelForTexel ? nearest : 0);
            runQuads[k].imageAt(x0, y0, x1, y1, pieceImage);
            program.setLayer(slot++, pieceImage, runOpacities[k]);
        }
        glActiveTexture(GL_TEXTURE0);
        // A piece whose first layer is opaque hides what is below it: written as it is, the picture below is
        // not even read.
        if (runOpacities[first] < 1f || runImages[first].format().hasAlpha()) {
            glEnable(GL_BLEND);
            glBlendFuncSeparate(GL_ONE, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE);
        } else {
            glDisable(GL_BLEND);
        }
        layerQuad.draw();
    }

    /** How many passes drew layers in the last {@link #render} (a run of layers counts once, however many pieces it was drawn in). */
    int layerPasses() {
        return layerPasses;
    }

    /** Copies the result into the other framebuffer (a plain copy, no shader) and returns that framebuffer. */
    private Framebuffer copyOfResult() {
        Framebuffer into = targets[1 - result];
        targets[result].copyInto(into);
        return into;
    }

    private void drawLayer(LayerImage image, LayerStyle style, float opacity) {
        if (!quad.place(style.region(), style.fit(), style.mirror(), image.topRowFirst(), image.width(), image.height(), width, height)) {
            return;
        }
        BlendMode blend = style.blend();
        Texture2D mask = style.mask();
        boolean masked = mask != null && mask.hasStorage();
        boolean opaque = blend == BlendMode.NORMAL && opacity >= 1f && !image.format().hasAlpha() && !masked;
        CompositorProgram.Write write = opaque ? CompositorProgram.Write.OPAQUE
                : blend == BlendMode.DIFFERENCE ? CompositorProgram.Write.READS_BELOW
                : CompositorProgram.Write.FIXED_FUNCTION;
        Framebuffer target = targets[result];
        glActiveTexture(GL_TEXTURE0);
        if (write == CompositorProgram.Write.READS_BELOW) {
            Framebuffer below = targets[1 - result];
            target.copyInto(below, quad.pixelX, quad.pixelY, quad.pixelWidth, quad.pixelHeight);
            glBindTexture(GL_TEXTURE_2D, below.color().id());
        } else {
            glBindTexture(GL_TEXTURE_2D, 0); // the target is not also read
        }
        target.bindForDrawing();
        glActiveTexture(GL_TEXTURE0 + 1);
        glBindTexture(GL_TEXTURE_2D, image.current().id());
        glActiveTexture(GL_TEXTURE0 + 2);
        glBindTexture(GL_TEXTURE_2D, image.previous().id());
        if (masked) {
            glActiveTexture(GL_TEXTURE0 + 3);
            glBindTexture(GL_TEXTURE_2D, mask.id());
        }
        glActiveTexture(GL_TEXTURE0);

        int family = FrameSampling.family(image.format());
        // One-plane images only: a YUV image's chroma planes are smaller than its picture and are filtered.
        boolean sampleNearest = quad.texelForTexel && family == 0;
        if (sampleNearest) {
            glBindSampler(1, nearest);
            glBindSampler(2, nearest);
        }
        CompositorProgram variant = programs.get(CompositorProgram.variant(family, image.crossfade() < 1f, masked, write, blend));
        variant.program.use();
        glUniform4f(variant.uQuad, quad.quad[0], quad.quad[1], quad.quad[2], quad.quad[3]);
        glUniform4f(variant.uImage, quad.image[0], quad.image[1], quad.image[2], quad.image[3]);
        glUniform1f(variant.uCrossfade, image.crossfade());
        variant.sampling.apply(image);
        glUniform1f(variant.uOpacity, opacity);
        glUniform2f(variant.uKey, style.keyThreshold(), style.keySoftness());
        if (write == CompositorProgram.Write.FIXED_FUNCTION) {
            blendInPlace(blend);
        }
        layerQuad.draw();
        layerPasses++;
        glDisable(GL_BLEND);
        if (sampleNearest) {
            glBindSampler(1, 0);
            glBindSampler(2, 0);
        }
    }

    /** Fixed-function blending of a layer drawn in place; the result's alpha stays 1. */
    private static void blendInPlace(BlendMode blend) {
        glEnable(GL_BLEND);
        switch (blend) {
            case ADD -> glBlendFuncSeparate(GL_ONE, GL_ONE, GL_ZERO, GL_ONE);
            case MULTIPLY -> glBlendFuncSeparate(GL_DST_COLOR, GL_ZERO, GL_ZERO, GL_ONE);
            case SCREEN -> glBlendFuncSeparate(GL_ONE_MINUS_DST_COLOR, GL_ONE, GL_ZERO, GL_ONE);
            default -> glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE);
        }
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
        layerQuad.close();
        glDeleteSamplers(nearest);
        for (Framebuffer target : targets) {
            target.close();
        }
    }
}
