package org.liquide.render.shader;

import org.liquide.render.gl.FullscreenQuad;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the GLSL 3.30 core shaders Liquide compiles: {@code #version}, the declarations of the
 * built-in uniforms, the inputs, the images and pass buffers, the ISF functions (IMG_PIXEL...), then
 * the artist's translated code, line for line (see {@link SourceMap}).
 */
final class ShaderCodegen {
    /** A shader ready for the driver and how its lines map back to the artist's file. */
    record Generated(String source, SourceMap map) {
    }

    private static final List<String> BUILT_INS = List.of(
            "uniform int PASSINDEX;",
            "uniform vec2 RENDERSIZE;",
            "uniform float TIME;",
            "uniform float TIMEDELTA;",
            "uniform vec4 DATE;",
            "uniform int FRAMEINDEX;");

    private static final List<String> IMAGE_FUNCTIONS = List.of(
            "vec4 IMG_NORM_PIXEL(sampler2D image, vec2 normCoord) { return texture(image, normCoord); }",
            "vec4 IMG_PIXEL(sampler2D image, vec2 pixelCoord) { return texture(image, pixelCoord / vec2(textureSize(image, 0))); }",
            "vec4 IMG_THIS_PIXEL(sampler2D image) { return texture(image, isf_FragNormCoord); }",
            "vec4 IMG_THIS_NORM_PIXEL(sampler2D image) { return texture(image, isf_FragNormCoord); }",
            "vec2 IMG_SIZE(sampler2D image) { return vec2(textureSize(image, 0)); }");

    private static final List<String> FRAGMENT_ONLY_FUNCTIONS = List.of(
            "vec4 IMG_NORM_PIXEL(sampler2D image, vec2 normCoord, float bias) { return texture(image, normCoord, bias); }",
            "vec4 IMG_PIXEL(sampler2D image, vec2 pixelCoord, float bias) { return texture(image, pixelCoord / vec2(textureSize(image, 0)), bias); }");

    /** As the reference host: a quad whose isf_FragNormCoord is exactly 0 and 1 at its corners (see FullscreenQuad). */
    private static final List<String> VERTEX_INIT = List.of(
            "void isf_vertShaderInit() {",
            "    vec2 corner = " + FullscreenQuad.CORNER + ";",
            "    gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);",
            "    isf_FragNormCoord = corner;",
            "}");

    private ShaderCodegen() {
    }

    /**
     * The uniform declarations for a shader: the built-ins, then each input, imported image and pass
     * buffer of the header, leaving out the names in {@code alreadyDeclared} (plain GLSL files may
     * declare uniforms themselves). Images also get the {@code _name_imgSize}, {@code _name_imgRect}
     * and {@code _name_flip} uniforms of the ISF reference implementation.
     */
    static List<String> uniforms(IsfHeader header, Set<String> alreadyDeclared) {
        List<String> lines = new ArrayList<>();
        for (String builtIn : BUILT_INS) {
            String name = builtIn.substring(builtIn.lastIndexOf(' ') + 1, builtIn.length() - 1);
            if (!alreadyDeclared.contains(name)) {
                lines.add(builtIn);
            }
        }
        Set<String> images = new LinkedHashSet<>();
        for (InputSpec input : header.inputs()) {
            if (alreadyDeclared.contains(input.name())) {
                continue;
            }
            String type = switch (input) {
                case InputSpec.EventInput _ -> "bool";
                case InputSpec.BoolInput _ -> "bool";
                case InputSpec.LongInput _ -> "int";
                case InputSpec.FloatInput _ -> "float";
                case InputSpec.Point2DInput _ -> "vec2";
                case InputSpec.ColorInput _ -> "vec4";
                case InputSpec.ImageInput _ -> null;
                case InputSpec.AudioInput _ -> null;
            };
            if (type == null) {
                images.add(input.name());
            } else {
                lines.add("uniform " + type + " " + input.name() + ";");
            }
        }
        for (ImportSpec imported : header.imports()) {
            images.add(imported.name());
        }
        for (PassSpec pass : header.passes()) {
            pass.target().ifPresent(images::add);
        }
        for (String image : images) {
            if (alreadyDeclared.contains(image)) {
                continue;
            }
            lines.add("uniform sampler2D " + image + ";");
            lines.add("uniform vec2 _" + image + "_imgSize;");
            lines.add("uniform vec4 _" + image + "_imgRect;");
            lines.add("uniform bool _" + image + "_flip;");
        }
        return lines;
    }

    static Generated fragment(String file, GlslDialect.Translated body, int firstFileLine, List<String> uniforms) {
        List<String> preamble = new ArrayList<>();
        preamble.add(versionLine(body.version()));
        preamble.addAll(body.extensions());
        preamble.add("// Declared by Liquide for the ISF built-ins and this file's inputs:");
        preamble.addAll(uniforms);
        preamble.add("in vec2 isf_FragNormCoord;");
        if (body.writesFragColor()) {
            preamble.add("layout(location = 0) out vec4 isf_FragColor;");
        }
        preamble.addAll(IMAGE_FUNCTIONS);
        preamble.addAll(FRAGMENT_ONLY_FUNCTIONS);
        preamble.add("// The artist's code follows.");
        return new Generated(String.join("\n", preamble) + "\n" + body.body() + "\n",
                new SourceMap(file, preamble.size(), firstFileLine));
    }

    /** The vertex shader: the artist's (which calls isf_vertShaderInit()) or the default one when null. */
    static Generated vertex(String file, GlslDialect.Translated body, int firstFileLine, List<String> uniforms) {
        List<String> preamble = new ArrayList<>();
        preamble.add(versionLine(body == null ? 0 : body.version()));
        if (body != null) {
            preamble.addAll(body.extensions());
        }
        preamble.addAll(uniforms);
        preamble.add("out vec2 isf_FragNormCoord;");
        preamble.addAll(VERTEX_INIT);
        preamble.addAll(IMAGE_FUNCTIONS);
        if (body == null) {
            preamble.add("void main() {");
            preamble.add("    isf_vertShaderInit();");
            preamble.add("}");
            return new Generated(String.join("\n", preamble) + "\n", SourceMap.generated(file));
        }
        return new Generated(String.join("\n", preamble) + "\n" + body.body() + "\n",
                new SourceMap(file, preamble.size(), firstFileLine));
    }

    private static String versionLine(int fileVersion) {
        int version = fileVersion >= 330 ? fileVersion : 330;
        return "#version " + version + " core";
    }
}
