package org.liquide.cli;

import org.liquide.render.gl.Texture2D;
import org.liquide.render.shader.Diagnostic;
import org.liquide.render.shader.ImageTextures;
import org.liquide.render.shader.InputSpec;
import org.liquide.render.shader.ShaderDocument;
import org.liquide.render.shader.ShaderException;
import org.liquide.render.shader.ShaderInputs;
import org.liquide.render.shader.ShaderLayer;
import org.liquide.sound.AudioTap;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code liquide shader FOLDER}: renders every ISF file of a folder offscreen, as {@code liquide shader}
 * renders one, and tells for each whether it rendered, rendered but differs from what the ISF reference
 * host draws (inputs Liquide cannot feed yet), or was refused and why. A compatibility check to rerun on
 * a public collection after a change to the ISF translation.
 */
final class ShaderFolderCheck {
    enum Status { RENDERED, DIFFERS, REFUSED }

    /** One file's result: {@code note} is the reason for a refusal, or what deserves a look. */
    record Row(String file, Status status, String note) {
    }

    private final int width;
    private final int height;
    private final int frames;

    ShaderFolderCheck(int width, int height, int frames) {
        this.width = width;
        this.height = height;
        this.frames = frames;
    }

    /** The ISF files of the folder ({@code .fs}, {@code .isf}), by name. */
    static List<Path> shaders(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".fs") || name.endsWith(".isf");
            }).sorted().toList();
        }
    }

    /** Checks one file; needs a current GL context. */
    Row check(Path file) {
        String name = file.getFileName().toString();
        ShaderDocument document;
        try {
            document = ShaderDocument.load(file);
        } catch (ShaderException e) {
            return new Row(name, Status.REFUSED, reason(e));
        }
        BufferedImage picture = ShaderCommand.testImage(width, height);
        List<Texture2D> textures = new ArrayList<>();
        try {
            ShaderLayer layer;
            try {
                layer = ShaderLayer.open(document, width, height, new AudioTap()); // the reference host has no sound either
            } catch (ShaderException e) {
                return new Row(name, Status.REFUSED, reason(e));
            }
            BufferedImage image = ShaderCommand.render(layer, document.isFilter() ? picture : null, width, height, frames,
                    inputs -> feedImages(inputs, picture, textures));
            return row(name, document, image);
        } catch (RuntimeException e) {
            return new Row(name, Status.REFUSED, "failed while rendering: " + e.getMessage());
        } finally {
            textures.forEach(Texture2D::close);
        }
    }

    /** Image inputs other than a filter's (a transition's start and end images...) get the test picture too. */
    private static void feedImages(ShaderInputs inputs, BufferedImage picture, List<Texture2D> textures) {
        for (int i = 0; i < inputs.count(); i++) {
            if (inputs.spec(i) instanceof InputSpec.ImageInput image && !image.name().equals("inputImage")) {
                if (textures.isEmpty()) {
                    textures.add(ImageTextures.upload(picture));
                }
                inputs.setImage(i, textures.getFirst());
            }
        }
    }

    private static Row row(String name, ShaderDocument document, BufferedImage image) {
        Set<String> notes = new LinkedHashSet<>();
        boolean differs = false;
        for (InputSpec input : document.inputs()) {
            if (input instanceof InputSpec.AudioInput) {
                differs = true;
                notes.add(input.typeName() + " input gets silence");
            }
        }
        for (Diagnostic warning : document.warnings()) {
            if (!warning.message().contains("gets silence")) {
                notes.add(oneLine(warning.message()));
            }
        }
        if (oneColour(image)) {
            notes.add("one colour with the default inputs");
        }
        return new Row(name, differs ? Status.DIFFERS : Status.RENDERED, String.join("; ", notes));
    }

    private static boolean oneColour(BufferedImage image) {
        int first = image.getRGB(0, 0);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != first) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String reason(ShaderException e) {
        Diagnostic first = e.first();
        return (first.line() > 0 ? "line " + first.line() + ": " : "") + oneLine(first.message());
    }

    private static String oneLine(String text) {
        String line = text.strip().replace('\n', ' ').replace("|", "\\|");
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }

    /** The Markdown report: a summary line, then one row per file. */
    static String table(Path folder, List<Row> rows) {
        long rendered = rows.stream().filter(r -> r.status() == Status.RENDERED).count();
        long differs = rows.stream().filter(r -> r.status() == Status.DIFFERS).count();
        long refused = rows.stream().filter(r -> r.status() == Status.REFUSED).count();
        StringBuilder text = new StringBuilder();
        text.append(summary(folder, rows.size(), rendered, differs, refused)).append("\n\n");
        text.append("| file | result | note |\n| --- | --- | --- |\n");
        for (Row row : rows) {
            text.append("| ").append(row.file().replace("|", "\\|")).append(" | ")
                    .append(row.status().name().toLowerCase(Locale.ROOT)).append(" | ").append(row.note()).append(" |\n");
        }
        return text.toString();
    }

    static String summary(Path folder, long total, long rendered, long differs, long refused) {
        return folder.getFileName() + ": " + total + " shaders, " + rendered + " rendered, " + differs
                + " rendered but differ from the reference host, " + refused + " refused";
    }
}
