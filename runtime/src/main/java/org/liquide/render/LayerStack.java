package org.liquide.render;

import org.liquide.render.gl.Framebuffer;

import java.util.List;

/** A fixed stack of layers with the tasks that steer them each frame. */
public final class LayerStack implements FrameContent {
    private final Layer[] layers;
    private final FrameTask[] tasks;

    public LayerStack(List<Layer> layers, List<FrameTask> tasks) {
        this.layers = layers.toArray(Layer[]::new);
        this.tasks = tasks.toArray(FrameTask[]::new);
    }

    @Override
    public Framebuffer render(FrameClock clock, Compositor compositor) {
        for (FrameTask task : tasks) {
            task.beforeFrame(clock);
        }
        for (Layer layer : layers) {
            layer.source().update(clock);
        }
        return compositor.render(layers, layers.length, clock);
    }

    public Layer layer(String name) {
        for (Layer layer : layers) {
            if (layer.name().equals(name)) {
                return layer;
            }
        }
        throw new IllegalArgumentException("no layer named " + name);
    }

    @Override
    public void close() {
        for (Layer layer : layers) {
            layer.source().close();
        }
    }
}
