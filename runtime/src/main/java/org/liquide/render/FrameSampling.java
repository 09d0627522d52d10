package org.liquide.render;

import org.liquide.frame.ColorEncoding;
import org.liquide.frame.PixelFormat;
import org.liquide.render.gl.FrameTextures;
import org.liquide.render.gl.ShaderProgram;

import static org.lwjgl.opengl.GL11C.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL11C.glBindTexture;
import static org.lwjgl.opengl.GL13C.GL_TEXTURE0;
import static org.lwjgl.opengl.GL13C.glActiveTexture;
import static org.lwjgl.opengl.GL20C.*;

/**
 * How every shader reads a layer image of any layout: {@link #GLSL} declares {@code frameTexel(image, uv)},
 * which swizzles BGR, spreads grey, or converts YUV planes to RGB with the frame's matrix and range; an
 * instance sets its uniforms and binds the chroma planes for one image. A shader that samples camera
 * images includes {@link #GLSL} once and calls {@code frameTexel} with the image's first plane. Allocates
 * nothing per call.
 */
public final class FrameSampling {
    /** The shader side: uniforms and the one function. Needs GLSL 3.30. */
    public static final String GLSL = """
            uniform int u_layout;        // 0: RGB(A), 1: BGR(A), 2: grey, 3: Y, U, V planes, 4: Y, UV planes (NV12), 5: YUYV pairs
            uniform bool u_hasAlpha;
            uniform sampler2D u_plane1;  // U, or NV12's UV
            uniform sampler2D u_plane2;  // V
            uniform mat3 u_yuvToRgb;
            uniform vec3 u_yuvOffset;    // black's Y and neutral chroma, in 0-1

            // Software rasterisers run every branch of a shader, taken or not: a program compiled for one
            // family of layouts (FRAME_FAMILY, see FrameSampling.family) samples only that family's planes.
            vec4 frameTexel(sampler2D image, vec2 uv) {
            #if !defined(FRAME_FAMILY) || FRAME_FAMILY != 0
                if (u_layout >= 3) {
                    vec3 yuv;
            #if !defined(FRAME_FAMILY) || FRAME_FAMILY == 3
                    if (u_layout == 5) {
                        // Two pixels share one RGBA texel (Y0 U Y1 V): read the texel and pick this pixel's Y.
                        ivec2 pairs = textureSize(image, 0);
                        int x = clamp(int(uv.x * float(2 * pairs.x)), 0, 2 * pairs.x - 1);
                        int y = clamp(int(uv.y * float(pairs.y)), 0, pairs.y - 1);
                        vec4 pair = texelFetch(image, ivec2(x / 2, y), 0);
                        yuv = vec3((x & 1) == 0 ? pair.r : pair.b, pair.g, pair.a);
                    }
            #endif
            #if !defined(FRAME_FAMILY) || FRAME_FAMILY == 2
                    if (u_layout == 4) {
                        yuv = vec3(texture(image, uv).r, texture(u_plane1, uv).rg);
                    }
            #endif
            #if !defined(FRAME_FAMILY) || FRAME_FAMILY == 1
                    if (u_layout == 3) {
                        yuv = vec3(texture(image, uv).r, texture(u_plane1, uv).r, texture(u_plane2, uv).r);
                    }
            #endif
                    return vec4(clamp(u_yuvToRgb * (yuv - u_yuvOffset), 0.0, 1.0), 1.0);
                }
            #endif
            #if !defined(FRAME_FAMILY) || FRAME_FAMILY == 0
                vec4 c = texture(image, uv);
                if (u_layout == 1) {
                    c = c.bgra;
                } else if (u_layout == 2) {
                    c = vec4(c.rrr, 1.0);
                }
                if (!u_hasAlpha) {
                    c.a = 1.0;
                }
                return c;
            #else
                return vec4(0.0);
            #endif
            }
            """;

    /** Families of layouts that sample the same planes: RGB-like (one texel), Y U V planes, NV12, YUYV pairs. */
    public static final int FAMILIES = 4;

    /** The family a program compiled with {@code #define FRAME_FAMILY} reads this format with. */
    public static int family(PixelFormat format) {
        return switch (format) {
            case RGB24, RGBA32, BGR24, BGRA32, GRAY8 -> 0;
            case I420, YUV422P -> 1;
            case NV12 -> 2;
            case YUYV422 -> 3;
        };
    }

    private static final float[][] MATRICES = new float[4][9];
    private static final float[][] OFFSETS = new float[4][3];

    static {
        for (ColorEncoding.Matrix matrix : ColorEncoding.Matrix.values()) {
            for (boolean full : new boolean[]{false, true}) {
                ColorEncoding encoding = ColorEncoding.of(matrix, full);
                encoding.toRgb(MATRICES[index(encoding)], OFFSETS[index(encoding)]);
            }
        }
    }

    private final int plane1Unit;
    private final int plane2Unit;
    private final int uLayout;
    private final int uHasAlpha;
    private final int uYuvToRgb;
    private final int uYuvOffset;

    /** For a linked program that includes {@link #GLSL}, in use; the chroma planes go to these texture units. */
    public FrameSampling(ShaderProgram program, int plane1Unit, int plane2Unit) {
        this.plane1Unit = plane1Unit;
        this.plane2Unit = plane2Unit;
        glUniform1i(program.uniform("u_plane1"), plane1Unit);
        glUniform1i(program.uniform("u_plane2"), plane2Unit);
        uLayout = program.uniform("u_layout");
        uHasAlpha = program.uniform("u_hasAlpha");
        uYuvToRgb = program.uniform("u_yuvToRgb");
        uYuvOffset = program.uniform("u_yuvOffset");
    }

    /**
     * Sets how to read the image and binds its chroma planes; the caller binds the image's first plane
     * (its {@code current()}) where its sampler reads. Leaves texture unit 0 active.
     */
    public void apply(LayerImage image) {
        PixelFormat format = image.format();
        glUniform1i(uLayout, layout(format));
        glUniform1i(uHasAlpha, format.hasAlpha() ? 1 : 0);
        if (format.isYuv()) {
            int encoding = index(image.encoding());
            glUniformMatrix3fv(uYuvToRgb, false, MATRICES[encoding]);
            glUniform3f(uYuvOffset, OFFSETS[encoding][0], OFFSETS[encoding][1], OFFSETS[encoding][2]);
            FrameTextures frame = image.frame();
            if (format.planeCount() > 1) {
                glActiveTexture(GL_TEXTURE0 + plane1Unit);
                glBindTexture(GL_TEXTURE_2D, frame.plane(1).id());
            }
            if (format.planeCount() > 2) {
                glActiveTexture(GL_TEXTURE0 + plane2Unit);
                glBindTexture(GL_TEXTURE_2D, frame.plane(2).id());
            }
            glActiveTexture(GL_TEXTURE0);
        }
    }

    static int layout(PixelFormat format) {
        return switch (format) {
            case RGB24, RGBA32 -> 0;
            case BGR24, BGRA32 -> 1;
            case GRAY8 -> 2;
            case I420, YUV422P -> 3;
            case NV12 -> 4;
            case YUYV422 -> 5;
        };
    }

    private static int index(ColorEncoding encoding) {
        return encoding.matrix().ordinal() * 2 + (encoding.fullRange() ? 1 : 0);
    }
}
