package org.liquide.cli;

import org.liquide.config.BadInputException;
import org.liquide.frame.ImageFile;
import org.liquide.frame.PixelFormat;
import org.liquide.frame.VideoFrame;
import org.liquide.render.Compositor;
import org.liquide.render.FrameClock;
import org.liquide.render.gl.FrameReadback;
import org.liquide.render.Layer;
import org.liquide.render.LayerStack;
import org.liquide.render.LayerStyle;
import org.liquide.render.gl.EglOffscreenContext;
import org.liquide.render.gl.Framebuffer;
import org.liquide.render.gl.Texture2D;
import org.liquide.render.layer.StillImageSource;
import org.liquide.render.shader.Diagnostic;
import org.liquide.render.shader.ImageTextures;
import org.liquide.render.shader.InputSpec;
import org.liquide.render.shader.ShaderDocument;
import org.liquide.render.shader.ShaderException;
import org.liquide.render.shader.ShaderInputs;
import org.liquide.render.shader.ShaderLayer;
import org.liquide.sound.AudioTap;
import org.liquide.sound.input.SoundFileFeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

@Command(name = "shader", mixinStandardHelpOptions = true,
        description = {"Renders an ISF (.fs) or plain GLSL (.frag, .glsl) shader offscreen and writes the last frame as PNG.",
                "The artist's quick check: errors name the file's own lines.",
                "TIME advances by 1/60 s a frame, so renders are repeatable. The frame is composited over black, as in a show.",
                "Filters (shaders with an inputImage) process --input; without it, Liquide's test image."},
        footer = {"", "Examples:",
                "  liquide shader flow-field.fs --output flow.png --set speed=0.3",
                "  liquide shader soft-glow.fs --input photo.jpg --output glow.png",
                "  liquide shader ink-in-water.fs --input photo.jpg --output ink.png --frames 120",
                "  liquide shader spectrum.fs --audio bell.wav --output bell.png --frames 30",
                "", "Exit codes: 0 done, 2 bad input (shader errors, unknown inputs, missing files), 1 internal failure."})
final class ShaderCommand implements Callable<Integer> {
    private static final int DEFAULT_WIDTH = 1280;
    private static final int DEFAULT_HEIGHT = 720;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = {"The shader: .fs/.isf (ISF) or .frag/.glsl (plain GLSL).",
            "A folder: renders each of its ISF files and writes a Markdown table (rendered, differs, refused and why) to --output."})
    Path file;

    @Option(names = "--input", paramLabel = "IMAGE", description = "The image a filter processes (its inputImage).")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "IMAGE.png",
            description = "Where to write the last frame (for a folder: the report, .md).")
    Path output;

    @Option(names = "--size", paramLabel = "WxH", converter = ImageSize.Converter.class,
            description = "Render size (default: the --input image's size, else 1280x720); --input is scaled to fill it.")
    ImageSize size;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "1",
            description = "Frames to render before writing the last (default: ${DEFAULT-VALUE}); persistent buffers build up over them.")
    int frames;

    @Option(names = "--audio", paramLabel = "SOUND",
            description = {"A sound file (WAV, FLAC, Ogg, MP3) for the shader's audio and audioFFT inputs.",
                    "Frame n hears the sound up to (n+1)/60 s from its start (it loops): --frames 30 shows half a second in."})
    Path audio;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "Sets an input, repeatable: speed=0.5, invert=true, mode=2 or mode=LABEL, center=0.2,0.8, "
                    + "tint=1,0.5,0,1 or tint=#ff8000, flash=true (an event fires on the first frame), texture=image.png.")
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (frames < 1) {
            throw new BadInputException("--frames must be 1 or more, got " + frames);
        }
        if (Files.isDirectory(file)) {
            return checkFolder();
        }
        ShaderDocument document;
        try {
            document = ShaderDocument.load(file);
        } catch (ShaderException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        for (Diagnostic warning : document.warnings()) {
            err.println(warning.format());
        }
        BufferedImage inputImage = null;
        if (input != null) {
            if (!document.isFilter()) {
                err.println(document.name() + ": warning: not a filter (no inputImage input): --input is ignored");
            } else {
                inputImage = readImage(input, "--input");
            }
        }
        int width = size != null ? size.width() : inputImage != null ? inputImage.getWidth() : DEFAULT_WIDTH;
        int height = size != null ? size.height() : inputImage != null ? inputImage.getHeight() : DEFAULT_HEIGHT;
        if (document.isFilter() && inputImage == null) {
            err.println(document.name() + ": note: no --input, filtering Liquide's test image");
            inputImage = testImage(width, height);
        }
        List<Setting> parsed = parseSettings();
        AudioTap heard = new AudioTap(); // silence without --audio, whatever else the process hears
        SoundFileFeed sound = audio == null ? null : openSound(audio, heard);

        List<Texture2D> textures = new ArrayList<>();
        try (EglOffscreenContext _ = EglOffscreenContext.create()) {
            ShaderLayer layer;
            try {
                layer = ShaderLayer.open(document, width, height, heard);
            } catch (ShaderException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            try {
                BufferedImage image = render(layer, inputImage, width, height, frames,
                        inputs -> apply(document, inputs, parsed, textures, err),
                        frame -> {
                            if (sound != null) {
                                sound.advanceTo((frame + 1) / 60.0);
                            }
                        });
                FrameReadback.writePng(image, output);
            } finally {
                textures.forEach(Texture2D::close);
            }
        }
        spec.commandLine().getOut().println("wrote " + output + " (" + width + "x" + height + ", " + frames
                + (frames == 1 ? " frame" : " frames") + ")");
        return ExitCodes.OK;
    }

    private static SoundFileFeed openSound(Path file, AudioTap tap) {
        try {
            return new SoundFileFeed(file, tap);
        } catch (IOException e) {
            throw new BadInputException("--audio " + file + ": " + e.getMessage(), e);
        }
    }

    private int checkFolder() throws IOException {
        if (input != null || !settings.isEmpty()) {
            throw new BadInputException("--input and --set apply to one shader, not to a folder");
        }
        List<Path> shaders = ShaderFolderCheck.shaders(file);
        if (shaders.isEmpty()) {
            throw new BadInputException(file + ": no ISF files (.fs, .isf) in this folder");
        }
        int width = size != null ? size.width() : 320;
        int height = size != null ? size.height() : 180;
        ShaderFolderCheck check = new ShaderFolderCheck(width, height, frames);
        PrintWriter out = spec.commandLine().getOut();
        List<ShaderFolderCheck.Row> rows = new ArrayList<>();
        try (EglOffscreenContext _ = EglOffscreenContext.create()) {
            for (Path shader : shaders) {
                ShaderFolderCheck.Row row = check.check(shader);
                out.println(row.status().name().toLowerCase(java.util.Locale.ROOT) + "  " + row.file()
                        + (row.note().isEmpty() ? "" : "  (" + row.note() + ")"));
                rows.add(row);
            }
        }
        String table = ShaderFolderCheck.table(file, rows);
        Files.writeString(output, table);
        out.println(table.lines().findFirst().orElse("") + "; table in " + output);
        return ExitCodes.OK;
    }

    /**
     * Composites {@code frames} frames of the layer over black (above {@code inputImage} when given), as a
     * show does, TIME advancing 1/60 s a frame, and reads the last one back. {@code setUp} sets inputs
     * before the first frame. Closes the layer.
     */
    static BufferedImage render(ShaderLayer layer, BufferedImage inputImage, int width, int height, int frames,
                                Consumer<ShaderInputs> setUp) {
        return render(layer, inputImage, width, height, frames, setUp, frame -> { });
    }

    /** As above, {@code beforeFrame} told each frame's number before it is drawn (to feed it sound). */
    static BufferedImage render(ShaderLayer layer, BufferedImage inputImage, int width, int height, int frames,
                                Consumer<ShaderInputs> setUp, IntConsumer beforeFrame) {
        List<Layer> layers = new ArrayList<>();
        if (inputImage != null) {
            layers.add(new Layer("input", new StillImageSource(toFrame(inputImage)), new LayerStyle()));
        }
        layers.add(new Layer("shader", layer, new LayerStyle()));
        try (Compositor compositor = new Compositor(width, height); LayerStack stack = new LayerStack(layers, List.of())) {
            setUp.accept(layer.inputs());
            FrameClock clock = new FrameClock();
            Framebuffer frame = null;
            for (int i = 0; i < frames; i++) {
                beforeFrame.accept(i);
                clock.advance(Math.round(i * 1e9 / 60.0));
                frame = stack.render(clock, compositor);
            }
            return FrameReadback.read(frame);
        }
    }

    private record Setting(String name, String value) {
    }

    private List<Setting> parseSettings() {
        List<Setting> result = new ArrayList<>();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw new BadInputException("--set " + setting + ": expected NAME=VALUE, such as speed=0.5");
            }
            result.add(new Setting(setting.substring(0, equals).strip(), setting.substring(equals + 1)));
        }
        return result;
    }

    private void apply(ShaderDocument document, ShaderInputs inputs, List<Setting> settings, List<Texture2D> textures, PrintWriter err) {
        for (Setting setting : settings) {
            int index = inputs.index(setting.name());
            if (index < 0) {
                String names = document.inputs().stream().map(InputSpec::name)
                        .filter(n -> !n.equals("inputImage")).collect(Collectors.joining(", "));
                throw new BadInputException(document.name() + ": --set " + setting.name() + ": no input named '" + setting.name()
                        + "'" + (names.isEmpty() ? "; this shader has no inputs" : "; its inputs are " + names));
            }
            InputSpec input = inputs.spec(index);
            String where = document.name() + (input.line() > 0 ? ":" + input.line() : "") + ": --set " + setting.name() + "=" + setting.value();
            if (input instanceof InputSpec.ImageInput) {
                if (input.name().equals("inputImage")) {
                    throw new BadInputException(where + ": a filter's inputImage comes from --input");
                }
                Texture2D texture = ImageTextures.upload(readImage(Path.of(setting.value()), "--set " + setting.name()));
                textures.add(texture);
                inputs.setImage(index, texture);
                continue;
            }
            try {
                inputs.setFromText(index, setting.value());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(where + ": " + e.getMessage());
            }
            noteClamping(input, inputs, index, setting, err, where);
        }
    }

    private static void noteClamping(InputSpec input, ShaderInputs inputs, int index, Setting setting, PrintWriter err, String where) {
        if (input instanceof InputSpec.FloatInput || input instanceof InputSpec.LongInput) {
            try {
                double asked = Double.parseDouble(setting.value().strip());
                if (Math.abs(asked - inputs.value(index)) > 1e-6 * Math.max(1, Math.abs(asked))) {
                    err.println(where + ": note: outside the input's range, clamped to " + inputs.value(index));
                }
            } catch (NumberFormatException ignored) {
                // A long given by its label: nothing to clamp.
            }
        }
    }

    private static BufferedImage readImage(Path path, String option) {
        try {
            return ImageFile.read(path);
        } catch (IOException e) {
            throw new BadInputException(option + " " + path + ": " + e.getMessage(), e);
        }
    }

    /** The image as an RGBA frame, top row first, for a still layer. */
    private static VideoFrame toFrame(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        VideoFrame frame = new VideoFrame();
        ByteBuffer pixels = frame.reshape(width, height, width * 4, PixelFormat.RGBA32);
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < argb.length; i++) {
            int c = argb[i];
            pixels.put(i * 4, (byte) (c >> 16)).put(i * 4 + 1, (byte) (c >> 8)).put(i * 4 + 2, (byte) c).put(i * 4 + 3, (byte) (c >>> 24));
        }
        return frame;
    }

    /** A neutral image for filters: soft colour gradients, a grid and a few shapes, so any effect shows. */
    static BufferedImage testImage(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(40, 60, 120), width, height, new Color(200, 120, 60)));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(255, 255, 255, 60));
            int step = Math.max(8, Math.min(width, height) / 8);
            for (int x = 0; x < width; x += step) {
                g.drawLine(x, 0, x, height);
            }
            for (int y = 0; y < height; y += step) {
                g.drawLine(0, y, width, y);
            }
            int r = Math.min(width, height) / 5;
            g.setColor(new Color(250, 240, 220));
            g.fillOval(width / 3 - r, height / 2 - r, 2 * r, 2 * r);
            g.setColor(new Color(30, 30, 40));
            g.setStroke(new BasicStroke(Math.max(2, r / 6f)));
            g.drawRect(width * 2 / 3 - r / 2, height / 2 - r / 2, r, r);
            g.setColor(new Color(220, 40, 60));
            g.fillRect(0, 0, Math.max(2, width / 64), height);
        } finally {
            g.dispose();
        }
        return image;
    }
}
