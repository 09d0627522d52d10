package org.liquide.render;

import org.liquide.render.gl.FullscreenQuad;
import org.liquide.render.gl.ShaderProgram;

import static org.lwjgl.opengl.GL20C.glUniform1i;

/**
 * One variant of the compositor's layer shader, compiled for one combination of what a layer draw needs:
 * the family of the image's layout, whether a crossfade runs, whether it has a mask, how it writes (opaque,
 * for fixed-function blending, or mixing a copy of the picture below itself) and its blend mode. Each
 * variant does only what it needs: software rasterisers (llvmpipe) run every branch of a shader, so a
 * branch on a uniform costs as much as the work it skips. The layer's rectangle and image coordinates
 * come from the vertex shader ({@link LayerQuad}). Holds the variant's uniform locations.
 */
final class CompositorProgram implements AutoCloseable {
    /** How a variant writes its colour. */
    enum Write {
        /** The image as it is (normal blend, fully opaque): no blending at all. */
        OPAQUE,
        /** What {@code GL_BLEND} mixes in, set up for the blend mode by the compositor. */
        FIXED_FUNCTION,
        /** The mix itself, from a copy of the picture below read at the same pixel (difference). */
        READS_BELOW
    }

    private static final int BLENDS = BlendMode.values().length;
    private static final int WRITES = Write.values().length;
    /** Variants: {@link FrameSampling#FAMILIES} × crossfade × masked × write × blend mode. */
    static final int VARIANTS = FrameSampling.FAMILIES * 2 * 2 * WRITES * BLENDS;

    private static final String VERTEX = """
            #version 330 core
            uniform vec4 u_quad;   // the layer's rectangle on the output: x0, y0, x1, y1 in [0,1], y up
            uniform vec4 u_image;  // the image coordinates at (x0, y0) and at (x1, y1)
            out vec2 v_uv;         // on the output, y up
            out vec2 v_src;        // in the image
            void main() {
                vec2 corner = %s;
                v_uv = mix(u_quad.xy, u_quad.zw, corner);
                v_src = mix(u_image.xy, u_image.zw, corner);
                gl_Position = vec4(v_uv * 2.0 - 1.0, 0.0, 1.0);
            }
            """.formatted(FullscreenQuad.CORNER);

    private static final String BODY = """
            in vec2 v_uv;
            in vec2 v_src;
            out vec4 fragColor;
            uniform sampler2D u_below;    // a copy of the picture below (READS_BELOW)
            uniform sampler2D u_current;
            uniform sampler2D u_previous;
            uniform float u_crossfade;
            uniform float u_opacity;
            uniform vec2 u_key;           // threshold, softness
            uniform sampler2D u_mask;     // grey image over the whole output, top row first

            void main() {
            #if CROSSFADE
                vec4 s = mix(frameTexel(u_previous, v_src), frameTexel(u_current, v_src), u_crossfade);
            #else
                vec4 s = frameTexel(u_current, v_src);
            #endif
            #if WRITE == 0
                fragColor = vec4(s.rgb, 1.0);
            #else
                float a = s.a * u_opacity;
            #if MASKED
                a *= texture(u_mask, vec2(v_uv.x, 1.0 - v_uv.y)).r;
            #endif
            #if BLEND == 5
                float luma = dot(s.rgb, vec3(0.2126, 0.7152, 0.0722));
                a *= smoothstep(u_key.x - u_key.y, u_key.x + u_key.y, luma);
            #endif
            #if WRITE == 1
            #if BLEND == 2
                fragColor = vec4(mix(vec3(1.0), s.rgb, a), 1.0);  // multiply: the result times this
            #elif BLEND == 1 || BLEND == 3
                fragColor = vec4(s.rgb * a, 1.0);                 // add: plus this; screen: this * (1 - result) + result
            #else
                fragColor = vec4(s.rgb, a);                       // normal, luminance key: mixed by alpha
            #endif
            #else
                vec3 below = texelFetch(u_below, ivec2(gl_FragCoord.xy), 0).rgb;
                vec3 c = mix(below, abs(below - s.rgb), a);       // difference
                fragColor = vec4(clamp(c, 0.0, 1.0), 1.0);
            #endif
            #endif
            }
            """;

    final ShaderProgram program;
    final FrameSampling sampling;
    final int uQuad;
    final int uImage;
    final int uCrossfade;
    final int uOpacity;
    final int uKey;

    private CompositorProgram(ShaderProgram program) {
        this.program = program;
        program.use();
        glUniform1i(program.uniform("u_below"), 0);
        glUniform1i(program.uniform("u_current"), 1);
        glUniform1i(program.uniform("u_previous"), 2);
        glUniform1i(program.uniform("u_mask"), 3);
        sampling = new FrameSampling(program, 4, 5);
        uQuad = program.uniform("u_quad");
        uImage = program.uniform("u_image");
        uCrossfade = program.uniform("u_crossfade");
        uOpacity = program.uniform("u_opacity");
        uKey = program.uniform("u_key");
    }

    /** The index of a variant, in [0, {@link #VARIANTS}). */
    static int variant(int family, boolean crossfade, boolean masked, Write write, BlendMode blend) {
        int index = family;
        index = index * 2 + (crossfade ? 1 : 0);
        index = index * 2 + (masked ? 1 : 0);
        index = index * WRITES + write.ordinal();
        return index * BLENDS + blend.ordinal();
    }

    /** Compiles a variant (render thread, with the GL context current). */
    static CompositorProgram compile(int variant) {
        int blend = variant % BLENDS;
        int write = variant / BLENDS % WRITES;
        int masked = variant / (BLENDS * WRITES) % 2;
        int crossfade = variant / (BLENDS * WRITES * 2) % 2;
        int family = variant / (BLENDS * WRITES * 4);
        String source = "#version 330 core\n"
                + "#define FRAME_FAMILY " + family + "\n"
                + "#define CROSSFADE " + crossfade + "\n"
                + "#define MASKED " + masked + "\n"
                + "#define WRITE " + write + "\n"
                + "#define BLEND " + BlendMode.values()[blend].shaderCode() + "\n"
                + FrameSampling.GLSL + BODY;
        return new CompositorProgram(ShaderProgram.link("compositor-" + variant, VERTEX, source));
    }

    @Override
    public void close() {
        program.close();
    }
}
