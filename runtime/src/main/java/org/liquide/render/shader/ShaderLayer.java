package org.liquide.render.shader;

import org.liquide.sound.AudioTap;

import org.liquide.frame.PixelFormat;
import org.liquide.render.FrameClock;
import org.liquide.render.LayerImage;
import org.liquide.render.LayerSource;
import org.liquide.render.gl.Framebuffer;
import org.liquide.render.gl.Texture2D;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * A layer drawn by an ISF or plain GLSL shader, every frame, at the output size: each pass into its own
 * buffer, the last pass offered as the layer's image. A shader with an {@code inputImage} is a
 * {@link ShaderFilterLayer} (it processes the layers below); any other is a {@link ShaderGeneratorLayer}.
 *
 * <p>Its {@link #inputs()} are mapping targets. {@link #reload} swaps in a new version of the file
 * between frames; a version that fails (JSON, GLSL, a missing image) is rejected with its errors on the
 * artist's lines, and the previous version goes on rendering. If rendering itself ever fails, the layer
 * shows nothing from then on instead of stopping the show, until a reload succeeds.
 *
 * <p>Render thread only: create, reload, render and close it there.
 */
public abstract sealed class ShaderLayer implements LayerSource permits ShaderGeneratorLayer, ShaderFilterLayer {
    private static final Logger LOG = LoggerFactory.getLogger(ShaderLayer.class);

    private final ShaderInputs inputs = new ShaderInputs();
    private final LayerImage image = new LayerImage();
    private final ShaderTime time;
    private Path file;
    private ShaderDocument document;
    private ShaderPipeline pipeline;
    private Framebuffer output;
    private boolean broken;
    private AudioTap sound = AudioTap.shared();

    ShaderLayer(ShaderTime time) {
        this.time = time;
    }

    /** Opens a shader file as a layer drawn at {@code width} x {@code height} (generators; filters take the size below). */
    public static ShaderLayer open(Path file, int width, int height) throws ShaderException {
        return open(ShaderDocument.load(file), width, height);
    }

    public static ShaderLayer open(ShaderDocument document, int width, int height) throws ShaderException {
        return open(document, width, height, ShaderTime.system());
    }

    /** With a given wall clock for DATE (tests, deterministic renders). */
    public static ShaderLayer open(ShaderDocument document, int width, int height, LongSupplier wallClockMillis, ZoneId zone)
            throws ShaderException {
        return open(document, width, height, new ShaderTime(wallClockMillis, zone));
    }

    /** Hearing {@code sound} in its audio inputs rather than the show's ({@code liquide shader --audio}). */
    public static ShaderLayer open(ShaderDocument document, int width, int height, AudioTap sound) throws ShaderException {
        return open(document, width, height, ShaderTime.system(), sound);
    }

    private static ShaderLayer open(ShaderDocument document, int width, int height, ShaderTime time) throws ShaderException {
        return open(document, width, height, time, AudioTap.shared());
    }

    private static ShaderLayer open(ShaderDocument document, int width, int height, ShaderTime time, AudioTap sound)
            throws ShaderException {
        ShaderLayer layer = document.isFilter() ? new ShaderFilterLayer(time) : new ShaderGeneratorLayer(width, height, time);
        layer.sound = sound;
        ReloadResult result = layer.reload(document);
        if (result instanceof ReloadResult.Failed failed) {
            layer.close();
            throw new ShaderException(failed.errors());
        }
        return layer;
    }

    /** A layer and how loading its file went. */
    public record Loaded(ShaderLayer layer, ReloadResult result) {
    }

    /**
     * Makes a layer from a file even when the file is broken, for shows that must start anyway: the
     * layer then shows nothing until a {@link #reload} succeeds, and {@code result} holds the errors.
     * Whether it is a filter comes from the file's header, or, if that cannot be read, from whether the
     * file mentions {@code inputImage}.
     */
    public static Loaded load(Path file, int width, int height) {
        ShaderDocument document = null;
        ReloadResult result = null;
        try {
            document = ShaderDocument.load(file);
        } catch (ShaderException e) {
            result = new ReloadResult.Failed(e.diagnostics());
        }
        boolean filter = document != null ? document.isFilter() : mentionsInputImage(file);
        ShaderTime time = ShaderTime.system();
        ShaderLayer layer = filter ? new ShaderFilterLayer(time) : new ShaderGeneratorLayer(width, height, time);
        layer.file = file;
        if (document != null) {
            result = layer.reload(document);
        }
        if (result instanceof ReloadResult.Failed failed) {
            LOG.warn("shader layer {} shows nothing until its file is fixed:\n{}", file.getFileName(), failed.report());
        }
        return new Loaded(layer, result);
    }

    private static boolean mentionsInputImage(Path file) {
        try {
            return Pattern.compile("\\b" + IsfHeader.FILTER_INPUT + "\\b").matcher(Files.readString(file)).find();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The inputs as mapping targets; the same object for the layer's lifetime. */
    public ShaderInputs inputs() {
        return inputs;
    }

    /** The version rendering now. */
    public ShaderDocument document() {
        return document;
    }

    public abstract boolean isFilter();

    /**
     * Reads the file again (and its vertex shader and images) and swaps it in if it is valid. Reading and
     * decoding happen on the calling (render) thread: for large imported images, make the document with
     * {@link ShaderDocument#load} on another thread and pass it to {@link #reload(ShaderDocument)}.
     */
    public ReloadResult reload(Path file) {
        try {
            return reload(ShaderDocument.load(file));
        } catch (ShaderException e) {
            return rejected(e.diagnostics());
        }
    }

    /** Swaps in new source text for the same file (as an editor sends it). */
    public ReloadResult reload(String sourceText) {
        Path path = document != null ? document.file().orElse(Path.of(document.name()))
                : file != null ? file : Path.of("shader.fs");
        try {
            return reload(ShaderDocument.fromText(path, sourceText));
        } catch (ShaderException e) {
            return rejected(e.diagnostics());
        }
    }

    /**
     * Compiles a new version and swaps it in, keeping the values of inputs that remain, the time and the
     * persistent buffers of the same name. A version that does not compile is rejected; so is one that
     * would turn a generator into a filter or back (the scene must make a new layer for that).
     */
    public ReloadResult reload(ShaderDocument next) {
        if (next.isFilter() != isFilter()) {
            return rejected(List.of(Diagnostic.error(next.name(), 0, 0, isFilter()
                    ? "this layer is a filter: the new version has no image input named inputImage any more; reload the scene to make it a generator"
                    : "this layer is a generator: the new version has an image input named inputImage; reload the scene to make it a filter")));
        }
        ShaderInputs candidate = inputs.copy();
        candidate.apply(next.inputs());
        ShaderPipeline built;
        try {
            built = ShaderPipeline.build(next, candidate, sound);
        } catch (ShaderException e) {
            return rejected(e.diagnostics());
        } catch (RuntimeException e) {
            LOG.error("{}: setting up the shader failed", next.name(), e);
            return rejected(List.of(Diagnostic.error(next.name(), 0, 0, "setting up the shader failed: " + e)));
        }
        if (pipeline != null) {
            built.adoptPersistentBuffers(pipeline);
            pipeline.close();
        }
        pipeline = built;
        inputs.adopt(candidate);
        document = next;
        file = next.file().orElse(file);
        broken = false;
        // The old version's textures are gone: nothing to show until the new version draws (before this frame is composited).
        image.set(null, null, 1f, PixelFormat.RGBA32, false);
        output = null;
        for (Diagnostic warning : next.warnings()) {
            LOG.warn("{}", warning.format());
        }
        return new ReloadResult.Applied(next, next.warnings());
    }

    /** Not logged here: whoever asked for the reload says it once, with the layer's name. */
    private ReloadResult rejected(List<Diagnostic> errors) {
        return new ReloadResult.Failed(errors);
    }

    /** Draws a frame at this size; a filter passes the image below. */
    final void render(FrameClock clock, int width, int height, Texture2D inputImage) {
        render(clock, width, height, inputImage, null);
    }

    /**
     * Draws a frame at this size, its last pass straight into {@code composite} where the pipeline can
     * (see {@link ShaderPipeline}); returns true when it did. The layer's image is then that framebuffer.
     */
    final boolean render(FrameClock clock, int width, int height, Texture2D inputImage, Framebuffer composite) {
        if (pipeline == null || broken) {
            return false;
        }
        try {
            time.advance(clock);
            output = pipeline.render(inputs, width, height, inputImage, time, composite);
            inputs.endFrame();
            image.set(output.color(), output.color(), 1f, PixelFormat.RGBA32, false);
            return composite != null && output == composite;
        } catch (RuntimeException e) {
            broken = true;
            image.set(null, null, 1f, PixelFormat.RGBA32, false);
            LOG.error("{}: rendering failed; the layer shows nothing until the shader is reloaded", document.name(), e);
            return false;
        }
    }

    /** How many programs the current version's passes draw with (0 before one compiled). For tests and tools. */
    int programCount() {
        return pipeline == null ? 0 : pipeline.programCount();
    }

    /** The size of a pass buffer by its TARGET name ({width, height}), or null. */
    int[] bufferSize(String target) {
        return pipeline == null ? null : pipeline.bufferSize(target);
    }

    @Override
    public LayerImage image() {
        return image;
    }

    /** The framebuffer holding the last frame drawn (its last pass), or null before the first frame. */
    public Framebuffer output() {
        return output;
    }

    @Override
    public void close() {
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
        image.set(null, null, 1f, PixelFormat.RGBA32, false);
        output = null;
    }
}
