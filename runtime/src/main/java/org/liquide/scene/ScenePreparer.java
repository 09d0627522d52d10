package org.liquide.scene;

import org.liquide.camera.CameraFeed;
import org.liquide.camera.CameraSpec;
import org.liquide.frame.FrameSlot;
import org.liquide.frame.ImageFile;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.generate.ModelSpec;
import org.liquide.generate.worker.GeneratorWorker;
import org.liquide.generate.worker.WorkerConfig;
import org.liquide.render.shader.ShaderDocument;
import org.liquide.render.shader.ShaderException;
import org.liquide.scene.model.GeneratorSettings;
import org.liquide.scene.model.LayerDefinition;
import org.liquide.scene.model.SceneDefinition;
import org.liquide.sketch.Sketch;
import org.liquide.sketch.SketchCompileException;
import org.liquide.sketch.SketchCompiler;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Prepares a scene's CPU-side parts on the calling (non-render) thread. */
public final class ScenePreparer {
    private ScenePreparer() {
    }

    /** The model name that draws the generated layer on the GPU instead of running a model on a worker. */
    public static final String PROCEDURAL = "procedural";

    public static PreparedScene prepare(SceneDefinition scene, SceneResources resources) throws ScenePreparationException {
        Map<String, VideoFrame> images = new HashMap<>();
        Map<String, VideoFrame> masks = new HashMap<>();
        Map<String, ShaderDocument> shaders = new HashMap<>();
        Map<String, Sketch> sketches = new HashMap<>();
        Map<String, CameraFeed> videos = new HashMap<>();
        Map<String, GeneratorWorker> workers = new HashMap<>();
        PreparedScene prepared = new PreparedScene(scene, images, masks, shaders, sketches, videos, workers);
        try {
            for (LayerDefinition layer : scene.layers()) {
                if (layer.look().mask().isPresent()) {
                    masks.put(layer.name(), decode(layer.look().mask().get()));
                }
                switch (layer) {
                    case LayerDefinition.Image image -> images.put(layer.name(), decode(image.file()));
                    case LayerDefinition.Sketch sketch -> sketches.put(layer.name(), instantiate(sketch));
                    case LayerDefinition.Video video -> videos.put(layer.name(),
                            CameraFeed.of(scene.name() + "-" + layer.name(), new CameraSpec.VideoFile(video.file())).start());
                    case LayerDefinition.Camera camera -> {
                    }
                    case LayerDefinition.Generate generate -> {
                        GeneratorSettings settings = generate.generator().orElse(scene.generator());
                        if (!settings.model().equals(PROCEDURAL)) {
                            workers.put(layer.name(), startWorker(scene, generate, settings, resources));
                        }
                    }
                    case LayerDefinition.Shader shader -> shaders.put(layer.name(), readShader(shader));
                }
            }
            return prepared;
        } catch (ScenePreparationException | RuntimeException e) {
            prepared.discard();
            throw e;
        }
    }

    private static GeneratorWorker startWorker(SceneDefinition scene, LayerDefinition.Generate layer,
                                               GeneratorSettings settings, SceneResources resources) {
        ModelSpec spec = resources.model(settings, scene.folder());
        GeneratorWorker worker = GeneratorWorker.forSpec(scene.name() + "-" + layer.name(), spec,
                WorkerConfig.defaults().withMaxFramesPerSecond(settings.rate()));
        layer.camera().ifPresent(name -> {
            CameraFeed feed = resources.camera(name)
                    .orElseThrow(() -> new IllegalArgumentException("no camera named '" + name + "'"));
            FrameSlot slot = feed.subscribe(worker.input());
            worker.inputProducedBy(mayFree -> feed.unsubscribe(slot, mayFree));
        });
        worker.start();
        return worker;
    }

    private static ShaderDocument readShader(LayerDefinition.Shader shader) throws ScenePreparationException {
        try {
            return ShaderDocument.load(shader.file());
        } catch (ShaderException e) {
            throw new ScenePreparationException(e.getMessage(), e);
        }
    }

    private static Sketch instantiate(LayerDefinition.Sketch sketch) throws ScenePreparationException {
        try {
            return SketchCompiler.compile(sketch.source(), sketch.className()).getDeclaredConstructor().newInstance();
        } catch (SketchCompileException e) {
            throw new ScenePreparationException(e.getMessage(), e);
        } catch (ReflectiveOperationException e) {
            throw new ScenePreparationException(sketch.source() + ": " + sketch.className()
                    + " needs a public constructor without arguments", e);
        }
    }

    /**
     * Reads an image file into a top-row-first frame: RGBA when some pixel is translucent, RGB otherwise (a
     * JPEG, or a PNG saved with an alpha channel it does not use). An opaque image lets the compositor write
     * the layer without blending and leave out what it covers.
     */
    static VideoFrame decode(Path file) throws ScenePreparationException {
        BufferedImage image;
        try {
            image = ImageFile.read(file);
        } catch (IOException e) {
            throw new ScenePreparationException(file + ": cannot read the image: " + e.getMessage(), e);
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] row = new int[width];
        boolean translucent = image.getColorModel().hasAlpha() && anyTranslucent(image, row);
        int bytes = translucent ? 4 : 3;
        VideoFrame frame = new VideoFrame();
        ByteBuffer pixels = frame.reshape(width, height, width * bytes, translucent ? PixelFormat.RGBA32 : PixelFormat.RGB24);
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                int at = (y * width + x) * bytes;
                pixels.put(at, (byte) (argb >> 16));
                pixels.put(at + 1, (byte) (argb >> 8));
                pixels.put(at + 2, (byte) argb);
                if (translucent) {
                    pixels.put(at + 3, (byte) (argb >>> 24));
                }
            }
        }
        return frame;
    }

    private static boolean anyTranslucent(BufferedImage image, int[] row) {
        int width = image.getWidth();
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int argb : row) {
                if (argb >>> 24 != 0xFF) {
                    return true;
                }
            }
        }
        return false;
    }
}
