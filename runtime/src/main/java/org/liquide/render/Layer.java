package org.liquide.render;

/** One entry of the layer stack: where its image comes from and how it is drawn. */
public record Layer(String name, LayerSource source, LayerStyle style) {
}
