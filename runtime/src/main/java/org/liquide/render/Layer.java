package org.liquide.render;

/**
 * One entry of the layer stack: where its image comes from and how it is drawn.
 *
 * @param showsVisitors true for a live camera: left out of snapshots and recordings unless the
 *                      configuration allows camera images on disk
 */
public record Layer(String name, LayerSource source, LayerStyle style, boolean showsVisitors) {

    /** A layer of artist-made content (generated, shader, sketch, image, video). */
    public Layer(String name, LayerSource source, LayerStyle style) {
        this(name, source, style, false);
    }
}
