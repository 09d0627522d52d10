package org.liquide.render;

import org.liquide.render.gl.Framebuffer;

import java.util.List;

/**
 * The one frame path: a fixed stack of layers, the sources updated each frame without being drawn (a
 * generator's hidden camera), and the tasks that steer them. Each frame runs the tasks, updates the
 * sources and composites the layers bottom to top. A scene of the show ({@code scene.SceneInstance}),
 * {@code liquide shader}, the benchmarks and the render tests all draw through it. Render thread; no
 * allocation per frame.
 */
public final class LayerStack implements FrameContent {
    private final Layer[] layers;
    private final LayerSource[] hidden;
    private final FrameTask[] tasks;

    public LayerStack(List<Layer> layers, List<FrameTask> tasks) {
        this(layers, List.of(), tasks);
    }

    /** @param hidden sources other layers read (a camera a generator follows), updated before the layers */
    public LayerStack(List<Layer> layers, List<? extends LayerSource> hidden, List<FrameTask> tasks) {
        this.layers = layers.toArray(Layer[]::new);
        this.hidden = hidden.toArray(LayerSource[]::new);
        this.tasks = tasks.toArray(FrameTask[]::new);
    }

    @Override
    public Framebuffer render(FrameClock clock, Compositor compositor) {
        for (FrameTask task : tasks) {
            task.beforeFrame(clock);
        }
        for (LayerSource source : hidden) {
            source.update(clock);
        }
        for (Layer layer : layers) {
            layer.source().update(clock);
        }
        return compositor.render(layers, layers.length, clock);
    }

    /**
     * This frame again without the live camera layers (snapshots and recordings under the default privacy
     * policy), into another compositor. Call after {@link #render} in the same frame: nothing is updated.
     */
    public Framebuffer renderWithoutVisitors(FrameClock clock, Compositor compositor) {
        return compositor.render(layers, layers.length, clock, true);
    }

    public Layer layer(String name) {
        for (Layer layer : layers) {
            if (layer.name().equals(name)) {
                return layer;
            }
        }
        throw new IllegalArgumentException("no layer named " + name);
    }

    /** The layers, bottom first. */
    public List<Layer> layers() {
        return List.of(layers);
    }

    @Override
    public void close() {
        for (Layer layer : layers) {
            layer.source().close();
        }
        for (LayerSource source : hidden) {
            source.close();
        }
    }
}
