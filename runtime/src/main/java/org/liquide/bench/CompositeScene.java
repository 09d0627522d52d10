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
        GenerationParams params = new GenerationParams().cameraMix(0.5f);
        List<Layer> layers = new ArrayList<>();
        List<FrameTask> tasks = new ArrayList<>();
        CameraLayerSource camera = new CameraLayerSource(feed, CameraFade.CAMERA);
        try {
            ProceduralGenerator generator = new ProceduralGenerator(generatorSize, generatorSize,
                    GENERATOR_IMAGES_PER_SECOND, params, camera.image());
            layers.add(new Layer("generated", new GeneratedLayerSource(generator), new LayerStyle()));
            layers.add(new Layer("camera", camera, new LayerStyle().blend(BlendMode.SCREEN).opacity(0.7f), true));
            layers.add(new Layer("glow", ShaderLayer.open(shader, width, height), new LayerStyle()));
            LayerStyle marker = null;
            if (markerTask != null) {
                layers.add(new Layer("marker-black", new StillImageSource(solid(0)),
                        new LayerStyle().region(0, 0, MARKER_SIZE, MARKER_SIZE)));
                marker = new LayerStyle().region(0, 0, MARKER_SIZE, MARKER_SIZE).opacity(0f);
                layers.add(new Layer("marker-white", new StillImageSource(solid(255)), marker));
                LayerStyle style = marker;
                tasks.add(clock -> markerTask.beforeFrame(clock, style));
            }
            tasks.add(new LatentDrift(params, 0.8));
            return new CompositeScene(new LayerStack(layers, tasks), camera, marker);
        } catch (ShaderException e) {
            closeAll(layers, camera);
            throw new IllegalStateException(shader + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAll(layers, camera);
            throw e;
        }
    }

    private static void closeAll(List<Layer> layers, CameraLayerSource camera) {
        boolean cameraClosed = false;
        for (Layer layer : layers) {
            layer.source().close();
            cameraClosed |= layer.source() == camera;
        }
        if (!cameraClosed) {
            camera.close();
        }
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
