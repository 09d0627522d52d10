package org.liquide.bench;

import org.liquide.camera.CameraFeed;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.GenerationParams;
import org.liquide.render.BlendMode;
import org.liquide.render.Compositor;
import org.liquide.render.FrameClock;
import org.liquide.render.FrameContent;
import org.liquide.render.FrameTask;
import org.liquide.render.Layer;
import org.liquide.render.LayerImage;
import org.liquide.render.LayerStack;
import org.liquide.render.LayerStyle;
import org.liquide.render.generated.LatentDrift;
import org.liquide.render.generated.ProceduralGenerator;
import org.liquide.render.gl.Framebuffer;
import org.liquide.render.layer.CameraFade;
import org.liquide.render.layer.CameraLayerSource;
import org.liquide.render.layer.GeneratedLayerSource;
import org.liquide.render.layer.StillImageSource;
import org.liquide.render.shader.ShaderException;
import org.liquide.render.shader.ShaderLayer;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmarks' composite, built from the runtime's own parts as a scene would build it: the
 * procedural GPU generator (12 images/s, crossfaded by its layer), the camera screened over it at 70 %,
 * and an ISF filter over both. With a signal marker it adds, in the top-left corner, a black square
 * and over it a white one whose opacity a task sets each frame (a mapping, for the latency run).
 */
final class CompositeScene implements FrameContent {
    /** The marker's corner region, as a fraction of the output (y down). */
    static final float MARKER_SIZE = 0.1f;
    static final double GENERATOR_IMAGES_PER_SECOND = 12;

    private final LayerStack stack;
    private final CameraLayerSource camera;
    private final LayerStyle marker;

    private CompositeScene(LayerStack stack, CameraLayerSource camera, LayerStyle marker) {
        this.stack = stack;
        this.camera = camera;
        this.marker = marker;
    }

    /**
     * @param markerTask run first each frame with the marker's style (the latency run's mapping); null for
     *                   no marker
     */
    static CompositeScene create(int width, int height, CameraFeed feed, Path shader, int generatorSize,
                                 MarkerTask markerTask) {
        CameraLayerSource camera = new CameraLayerSource(feed, CameraFade.CAMERA);
        Parts parts = new Parts(camera);
        try {
            parts.generator("generated", generatorSize, camera.image());
            parts.add(new Layer("camera", camera, new LayerStyle().blend(BlendMode.SCREEN).opacity(0.7f), true));
            parts.filter("glow", shader, width, height);
            LayerStyle marker = null;
            if (markerTask != null) {
                parts.add(new Layer("marker-black", new StillImageSource(solid(0)),
                        new LayerStyle().region(0, 0, MARKER_SIZE, MARKER_SIZE)));
                marker = new LayerStyle().region(0, 0, MARKER_SIZE, MARKER_SIZE).opacity(0f);
                parts.add(new Layer("marker-white", new StillImageSource(solid(255)), marker));
                LayerStyle style = marker;
                parts.tasks.addFirst(clock -> markerTask.beforeFrame(clock, style));
            }
            return parts.build(marker);
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
    }

    /**
     * The layers and frame tasks of a composite as a scene file would make them, added in drawing order; on
     * a failure part-way, {@link #close} frees what was made. Render thread (the parts make GL objects).
     */
    static final class Parts {
        private final List<Layer> layers = new ArrayList<>();
        private final List<FrameTask> tasks = new ArrayList<>();
        private final CameraLayerSource camera;

        /** @param camera the camera layer the composite shows (added with {@link #add}), or null */
        Parts(CameraLayerSource camera) {
            this.camera = camera;
        }

        Parts add(Layer layer) {
            layers.add(layer);
            return this;
        }

        /** The procedural GPU generator at 12 images/s, crossfaded by its layer, its latent drifting. */
        Parts generator(String name, int size, LayerImage cameraImage) {
            GenerationParams params = new GenerationParams().cameraMix(0.5f);
            ProceduralGenerator generator = new ProceduralGenerator(size, size, GENERATOR_IMAGES_PER_SECOND, params,
                    cameraImage);
            layers.add(new Layer(name, new GeneratedLayerSource(generator), new LayerStyle()));
            tasks.add(new LatentDrift(params, 0.8));
            return this;
        }

        /** An ISF or GLSL file as a layer over what is below (a filter) at the output's size. */
        Parts filter(String name, Path shader, int width, int height) {
            try {
                layers.add(new Layer(name, ShaderLayer.open(shader, width, height), new LayerStyle()));
            } catch (ShaderException e) {
                throw new IllegalStateException(shader + ": " + e.getMessage(), e);
            }
            return this;
        }

        CompositeScene build(LayerStyle marker) {
            return new CompositeScene(new LayerStack(layers, tasks), camera, marker);
        }

        void close() {
            boolean cameraClosed = false;
            for (Layer layer : layers) {
                layer.source().close();
                cameraClosed |= layer.source() == camera;
            }
            if (camera != null && !cameraClosed) {
                camera.close();
            }
        }
    }

    /** A BGR image of this size with detail everywhere (diagonal ramps and a grain), different per seed. */
    static VideoFrame pattern(int width, int height, int seed) {
        VideoFrame frame = new VideoFrame();
        int stride = width * 3;
        ByteBuffer pixels = frame.reshape(width, height, stride, PixelFormat.BGR24);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int grain = ((x * 73 + y * 151 + seed * 97) * 2654435761L >>> 28) > 7 ? 24 : 0;
                int at = y * stride + x * 3;
                pixels.put(at, (byte) ((x + seed * 40) & 0xff));
                pixels.put(at + 1, (byte) ((y * 2 + grain) & 0xff));
                pixels.put(at + 2, (byte) ((x + y + seed * 90) & 0xff));
            }
        }
        return frame;
    }

    /** A 4x4 BGR image of one grey level. */
    private static VideoFrame solid(int level) {
        VideoFrame frame = new VideoFrame();
        ByteBuffer pixels = frame.reshape(4, 4, 12, PixelFormat.BGR24);
        for (int i = 0; i < 48; i++) {
            pixels.put(i, (byte) level);
        }
        return frame;
    }

    @Override
    public Framebuffer render(FrameClock clock, Compositor compositor) {
        return stack.render(clock, compositor);
    }

    CameraLayerSource camera() {
        return camera;
    }

    LayerStyle marker() {
        return marker;
    }

    @Override
    public void close() {
        stack.close();
    }

    /** Sets the marker's style at the start of each frame (render thread; must not allocate). */
    @FunctionalInterface
    interface MarkerTask {
        void beforeFrame(FrameClock clock, LayerStyle marker);
    }
}
