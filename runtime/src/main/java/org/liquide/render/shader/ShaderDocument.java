package org.liquide.render.shader;

import org.liquide.config.ConfigError;
import org.liquide.config.TextFile;
import org.liquide.config.UnreadableTextException;
import org.liquide.frame.ImageFile;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A shader file read, checked and translated, ready to compile: its header (for plain GLSL, one made
 * from the uniforms it declares), the GLSL 3.30 sources with their line maps, and its imported images
 * decoded. Making one touches no OpenGL, so it can be done on any thread; compiling it is the layer's
 * job, on the render thread.
 *
 * <p>The language is chosen by name: {@code .fs} and {@code .isf} are ISF, {@code .frag}, {@code .glsl}
 * and {@code .fsh} are plain GLSL; any other name is ISF when the text starts with a JSON comment.
 * A companion vertex shader with the same base name ({@code .vs} or {@code .vert}) is used when present.
 */
public final class ShaderDocument {
    public enum Language { ISF, GLSL }

    private final String name;
    private final Optional<Path> file;
    private final Language language;
    private final IsfHeader header;
    private final ShaderCodegen.Generated fragment;
    private final ShaderCodegen.Generated vertex;
    private final Map<String, BufferedImage> importedImages;
    private final List<Diagnostic> warnings;

    private ShaderDocument(String name, Optional<Path> file, Language language, IsfHeader header,
                           ShaderCodegen.Generated fragment, ShaderCodegen.Generated vertex,
                           Map<String, BufferedImage> importedImages, List<Diagnostic> warnings) {
        this.name = name;
        this.file = file;
        this.language = language;
        this.header = header;
        this.fragment = fragment;
        this.vertex = vertex;
        this.importedImages = Collections.unmodifiableMap(importedImages);
        this.warnings = List.copyOf(warnings);
    }

    /** Reads a shader file and its companion vertex shader, if any. */
    public static ShaderDocument load(Path file) throws ShaderException {
        String name = file.getFileName().toString();
        String text = read(file, name);
        Optional<Path> vertexFile = companionVertexShader(file);
        String vertexText = vertexFile.isPresent() ? read(vertexFile.get(), vertexFile.get().getFileName().toString()) : null;
        return parse(file, name, text, vertexFile.map(p -> p.getFileName().toString()).orElse(null), vertexText);
    }

    /**
     * Makes a document from source text, as an editor would send it: {@code file} names it in errors
     * and locates its imported images and companion vertex shader (which is read from disk).
     */
    public static ShaderDocument fromText(Path file, String text) throws ShaderException {
        Optional<Path> vertexFile = companionVertexShader(file);
        String vertexText = null;
        if (vertexFile.isPresent()) {
            vertexText = read(vertexFile.get(), vertexFile.get().getFileName().toString());
        }
        return parse(file, file.getFileName().toString(), text, vertexFile.map(p -> p.getFileName().toString()).orElse(null), vertexText);
    }

    private static ShaderDocument parse(Path file, String name, String rawText, String vertexName, String rawVertex)
            throws ShaderException {
        String text = normalize(rawText);
        String lower = name.toLowerCase(Locale.ROOT);
        boolean isf = lower.endsWith(".fs") || lower.endsWith(".isf")
                || (!lower.endsWith(".frag") && !lower.endsWith(".glsl") && !lower.endsWith(".fsh") && IsfHeaderParser.looksLikeIsf(text));
        Path directory = file.toAbsolutePath().getParent();
        GlslDialect.Translated vertexBody = rawVertex == null ? null
                : GlslDialect.translate(normalize(rawVertex), GlslDialect.Stage.VERTEX);
        String vertexFileName = vertexName == null ? name : vertexName;
        if (isf) {
            Optional<IsfHeaderParser.Split> split = IsfHeaderParser.split(text);
            if (split.isEmpty() || !IsfHeaderParser.looksLikeIsf(text)) {
                throw new ShaderException(Diagnostic.error(name, 1, 1, "no ISF header: an ISF file starts with a "
                        + "/*{ ... }*/ JSON comment (plain GLSL files are named .frag or .glsl)"));
            }
            IsfHeaderParser.Parsed parsed = IsfHeaderParser.parse(name, text, split.get(), directory);
            IsfHeader header = parsed.header();
            List<Diagnostic> warnings = new ArrayList<>(parsed.warnings());
            Map<String, BufferedImage> images = importImages(name, header);
            List<String> uniforms = ShaderCodegen.uniforms(header, Set.of());
            GlslDialect.Translated body = GlslDialect.translate(text.substring(split.get().bodyStart()), GlslDialect.Stage.FRAGMENT);
            ShaderCodegen.Generated fragment = ShaderCodegen.fragment(name, body, split.get().closeLine(), uniforms);
            ShaderCodegen.Generated vertex = ShaderCodegen.vertex(vertexFileName, vertexBody, 1,
                    vertexBody == null ? List.of() : uniforms);
            return new ShaderDocument(name, Optional.of(file), Language.ISF, header, fragment, vertex, images, warnings);
        }
        GlslUniforms.Found found = GlslUniforms.scan(text);
        IsfHeader header = new IsfHeader("", "", List.of(), "", "", found.inputs(), List.of(), List.of());
        List<String> uniforms = ShaderCodegen.uniforms(header, found.declared());
        GlslDialect.Translated body = GlslDialect.translate(text, GlslDialect.Stage.FRAGMENT);
        ShaderCodegen.Generated fragment = ShaderCodegen.fragment(name, body, 1, uniforms);
        ShaderCodegen.Generated vertex = ShaderCodegen.vertex(vertexFileName, vertexBody, 1, vertexBody == null ? List.of()
                : ShaderCodegen.uniforms(header, GlslUniforms.scan(vertexBody.body()).declared()));
        return new ShaderDocument(name, Optional.of(file), Language.GLSL, header, fragment, vertex, new LinkedHashMap<>(), List.of());
    }

    private static Map<String, BufferedImage> importImages(String name, IsfHeader header) throws ShaderException {
        Map<String, BufferedImage> images = new LinkedHashMap<>();
        List<Diagnostic> errors = new ArrayList<>();
        for (ImportSpec imported : header.imports()) {
            try {
                images.put(imported.name(), ImageFile.read(imported.path()));
            } catch (IOException e) {
                errors.add(Diagnostic.error(name, imported.line(), 0, "IMPORTED '" + imported.name() + "': cannot read "
                        + imported.path() + " (" + e.getMessage() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ShaderException(errors);
        }
        return images;
    }

    private static Optional<Path> companionVertexShader(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String base = dot < 0 ? fileName : fileName.substring(0, dot);
        for (String extension : new String[]{".vs", ".vert"}) {
            Path candidate = file.resolveSibling(base + extension);
            if (!candidate.equals(file) && Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** At most {@link TextFile#MAX_BYTES} of UTF-8 from a regular file; anything else is refused where it goes wrong. */
    private static String read(Path file, String name) throws ShaderException {
        if (!Files.exists(file)) {
            throw new ShaderException(Diagnostic.error(name, 0, 0, "no such file: " + file));
        }
        try {
            return TextFile.read(file);
        } catch (UnreadableTextException e) {
            ConfigError at = e.error();
            throw new ShaderException(Diagnostic.error(name, at.line(), at.column(), at.message()));
        }
    }

    /** Unix line breaks and no byte-order mark, so that lines count the same everywhere. */
    private static String normalize(String text) {
        String result = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return result.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The file name errors are reported against. */
    public String name() {
        return name;
    }

    public Optional<Path> file() {
        return file;
    }

    public Language language() {
        return language;
    }

    public IsfHeader header() {
        return header;
    }

    /** True when the shader processes the layers below ({@code inputImage}). */
    public boolean isFilter() {
        return header.isFilter();
    }

    public List<InputSpec> inputs() {
        return header.inputs();
    }

    /** Things that work but deserve the artist's attention (audio inputs that get silence...). */
    public List<Diagnostic> warnings() {
        return warnings;
    }

    /** The GLSL 3.30 fragment shader Liquide compiles, for debugging. */
    public String fragmentSource() {
        return fragment.source();
    }

    /** The GLSL 3.30 vertex shader Liquide compiles, for debugging. */
    public String vertexSource() {
        return vertex.source();
    }

    ShaderCodegen.Generated fragment() {
        return fragment;
    }

    ShaderCodegen.Generated vertex() {
        return vertex;
    }

    Map<String, BufferedImage> importedImages() {
        return importedImages;
    }
}
