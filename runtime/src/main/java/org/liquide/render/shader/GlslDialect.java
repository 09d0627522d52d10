package org.liquide.render.shader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the GLSL 1.x dialect ISF files are written in (gl_FragColor, texture2D, varying...) to
 * GLSL 3.30 core, keeping every line where it was so that compiler errors name the artist's lines:
 * directives that must move ({@code #version}, {@code #extension}) leave an empty line behind, and
 * every replacement stays on its line.
 */
final class GlslDialect {
    enum Stage { VERTEX, FRAGMENT }

    /**
     * The translated body; {@code extensions} are the {@code #extension} lines to put right after
     * {@code #version}; {@code version} is the file's own {@code #version} number (0 if none);
     * {@code writesFragColor} tells whether it writes gl_FragColor (so Liquide declares the output).
     */
    record Translated(String body, List<String> extensions, int version, boolean writesFragColor) {
    }

    private static final Pattern VERSION = Pattern.compile("^\\s*#\\s*version\\s+(\\d+).*$");
    private static final Pattern EXTENSION = Pattern.compile("^\\s*#\\s*extension\\s+(\\w+)\\s*:\\s*(\\w+).*$");
    /** OpenGL ES extensions whose features desktop GLSL 3.30 has built in. */
    private static final Set<String> BUILT_IN_EXTENSIONS = Set.of("GL_OES_standard_derivatives",
            "GL_EXT_shader_texture_lod", "GL_EXT_frag_depth", "GL_EXT_draw_buffers");
    private static final Pattern TOKENS = Pattern.compile(
            "\\bgl_FragData[ \\t]*\\[[ \\t]*0[ \\t]*\\]|\\b(texture2DProjLod|texture2DProj|texture2DLodEXT|texture2DLod"
                    + "|texture2DGradEXT|texture2D|textureCube|shadow2D|varying|attribute|gl_FragColor"
                    + "|vv_FragNormCoord|vv_vertShaderInit)\\b");
    private static final Map<String, String> REPLACEMENTS = Map.ofEntries(
            Map.entry("texture2DProjLod", "textureProjLod"),
            Map.entry("texture2DProj", "textureProj"),
            Map.entry("texture2DLodEXT", "textureLod"),
            Map.entry("texture2DLod", "textureLod"),
            Map.entry("texture2DGradEXT", "textureGrad"),
            Map.entry("texture2D", "texture"),
            Map.entry("textureCube", "texture"),
            Map.entry("shadow2D", "texture"),
            Map.entry("gl_FragColor", "isf_FragColor"),
            Map.entry("vv_FragNormCoord", "isf_FragNormCoord"),
            Map.entry("vv_vertShaderInit", "isf_vertShaderInit"));

    private GlslDialect() {
    }

    /**
     * The extensions that give GLSL 3.30 the implicit conversions ISF hosts' compilers accept and files of
     * the public collections rely on: an {@code int} returned from a {@code float} function
     * (GL_ARB_shading_language_420pack, core in 4.20) and an {@code int} given where a {@code uint} is
     * expected (GL_ARB_gpu_shader5, core in 4.00). The latter reserves the words {@code sample} and
     * {@code precise}, so it is only asked for by files that use {@code uint}. "enable" only warns on a
     * driver without the extension.
     */
    static List<String> implicitConversions(String body, int version) {
        List<String> lines = new ArrayList<>();
        if (version < 420) {
            lines.add("#extension GL_ARB_shading_language_420pack : enable");
        }
        if (version < 400 && UNSIGNED.matcher(body).find()) {
            lines.add("#extension GL_ARB_gpu_shader5 : enable");
        }
        return lines;
    }

    private static final Pattern UNSIGNED = Pattern.compile("\\b(uint|uvec[234])\\b");

    static Translated translate(String body, Stage stage) {
        List<String> extensions = new ArrayList<>();
        int version = 0;
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher v = VERSION.matcher(lines[i]);
            Matcher e = EXTENSION.matcher(lines[i]);
            if (v.matches()) {
                version = Integer.parseInt(v.group(1));
                lines[i] = "";
            } else if (e.matches()) {
                if (!BUILT_IN_EXTENSIONS.contains(e.group(1))) {
                    extensions.add(lines[i].strip());
                }
                lines[i] = "";
            }
        }
        String joined = String.join("\n", lines);
        extensions.addAll(implicitConversions(joined, version));
        boolean[] fragColor = {false};
        String translated = TOKENS.matcher(joined).replaceAll(match -> {
            String token = match.group(1);
            if (token == null) {
                fragColor[0] = true;
                return "isf_FragColor";
            }
            return switch (token) {
                case "varying" -> stage == Stage.FRAGMENT ? "in" : "out";
                case "attribute" -> "in";
                case "gl_FragColor" -> {
                    fragColor[0] = true;
                    yield "isf_FragColor";
                }
                default -> Matcher.quoteReplacement(REPLACEMENTS.get(token));
            };
        });
        return new Translated(translated, List.copyOf(extensions), version, fragColor[0] && stage == Stage.FRAGMENT);
    }
}
