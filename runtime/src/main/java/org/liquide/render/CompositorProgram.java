package org.liquide.render;

import org.liquide.render.gl.FullscreenTriangle;
import org.liquide.render.gl.ShaderProgram;

import static org.lwjgl.opengl.GL20C.glUniform1i;

/**
 * One variant of the compositor's layer shader, compiled for one combination of what a layer draw needs:
 * the family of the image's layout, whether a crossfade runs, whether the layer is drawn in place or
 * blended by reading the result (difference), and whether it has a mask. Each variant samples only what
 * it needs: software rasterisers (llvmpipe) run every branch of a shader, so a branch on a uniform costs as
 * much as the work it skips. Holds the variant's uniform locations.
 */
final class CompositorProgram implements AutoCloseable {
    /** Variants: {@link FrameSampling#FAMILIES} × crossfade × in place × masked. */
    static final int VARIANTS = FrameSampling.FAMILIES * 8;

    private static final String BODY = """
            in vec2 v_uv;
            out vec4 fragColor;
            uniform sampler2D u_below;
            uniform sampler2D u_current;
            uniform sampler2D u_previous;
            uniform float u_crossfade;
            uniform vec4 u_fit;        // image = region * fit.xy + fit.zw
            uniform vec4 u_region;     // where the layer goes: x0, y0, x1, y1 of the output, y down
            uniform bool u_mirror;
            uniform bool u_topRowFirst;
            uniform int u_blend;
            uniform float u_opacity;
            uniform vec2 u_key;        // threshold, softness
            uniform sampler2D u_mask;  // grey image over the whole output, top row first

            void main() {
                vec2 down = vec2(v_uv.x, 1.0 - v_uv.y);
                vec2 local = (down - u_region.xy) / (u_region.zw - u_region.xy);
                vec2 uv = vec2(local.x, 1.0 - local.y);
                if (u_mirror) {
                    uv.x = 1.0 - uv.x;
                }
                vec2 src = uv * u_fit.xy + u_fit.zw;
            #if !IN_PLACE
                vec4 below = texture(u_below, v_uv);                     // difference, the one blend read here
            #endif
                if (any(lessThan(local, vec2(0.0))) || any(greaterThan(local, vec2(1.0)))
                        || any(lessThan(src, vec2(0.0))) || any(greaterThan(src, vec2(1.0)))) {
            #if IN_PLACE
                    discard;
            #else
                    fragColor = below;
                    return;
            #endif
                }
                if (u_topRowFirst) {
                    src.y = 1.0 - src.y;
                }
            #if CROSSFADE
                vec4 s = mix(frameTexel(u_previous, src), frameTexel(u_current, src), u_crossfade);
            #else
                vec4 s = frameTexel(u_current, src);
            #endif
                float a = s.a * u_opacity;
            #if MASKED
                a *= texture(u_mask, vec2(v_uv.x, 1.0 - v_uv.y)).r;
            #endif
                if (u_blend == 5) {
                    float luma = dot(s.rgb, vec3(0.2126, 0.7152, 0.0722));
                    a *= smoothstep(u_key.x - u_key.y, u_key.x + u_key.y, luma);
                }
            #if IN_PLACE
                if (u_blend == 2) {
                    fragColor = vec4(mix(vec3(1.0), s.rgb, a), 1.0);  // multiply: the result times this
                } else if (u_blend == 1 || u_blend == 3) {
                    fragColor = vec4(s.rgb * a, 1.0);                 // add: plus this; screen: this * (1 - result) + result
                } else {
                    fragColor = vec4(s.rgb, a);                       // normal, luminance key: mixed by alpha
                }
            #else
                fragColor = vec4(mix(below.rgb, abs(below.rgb - s.rgb), a), 1.0);
            #endif
            }
            """;

    final ShaderProgram program;
    final FrameSampling sampling;
    final int uCrossfade;
    final int uFit;
    final int uRegion;
    final int uMirror;
    final int uTopRowFirst;
    final int uBlend;
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
        uCrossfade = program.uniform("u_crossfade");
        uFit = program.uniform("u_fit");
        uRegion = program.uniform("u_region");
        uMirror = program.uniform("u_mirror");
        uTopRowFirst = program.uniform("u_topRowFirst");
        uBlend = program.uniform("u_blend");
        uOpacity = program.uniform("u_opacity");
        uKey = program.uniform("u_key");
    }

    /** The index of a variant, in [0, {@link #VARIANTS}). */
    static int variant(int family, boolean crossfade, boolean inPlace, boolean masked) {
        return family * 8 + (crossfade ? 4 : 0) + (inPlace ? 2 : 0) + (masked ? 1 : 0);
    }

    /** Compiles a variant (render thread, with the GL context current). */
    static CompositorProgram compile(int variant) {
        String source = "#version 330 core\n"
                + "#define FRAME_FAMILY " + variant / 8 + "\n"
                + "#define CROSSFADE " + ((variant & 4) != 0 ? 1 : 0) + "\n"
                + "#define IN_PLACE " + ((variant & 2) != 0 ? 1 : 0) + "\n"
                + "#define MASKED " + ((variant & 1) != 0 ? 1 : 0) + "\n"
                + FrameSampling.GLSL + BODY;
        return new CompositorProgram(ShaderProgram.link("compositor-" + variant, FullscreenTriangle.VERTEX_SHADER, source));
    }

    @Override
    public void close() {
        program.close();
    }
}
