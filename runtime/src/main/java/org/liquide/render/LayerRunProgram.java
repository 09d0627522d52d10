package org.liquide.render;

import org.liquide.frame.PixelFormat;
import org.liquide.render.gl.FullscreenQuad;
import org.liquide.render.gl.ShaderProgram;

import static org.lwjgl.opengl.GL20C.glUniform1f;
import static org.lwjgl.opengl.GL20C.glUniform1i;
import static org.lwjgl.opengl.GL20C.glUniform4f;

/**
 * The shader that draws a run of consecutive normal layers of one-plane images in one pass, one piece of the
 * run at a time ({@link RunPieces}: a piece is covered by 1 to {@link #MOST} of its layers): each layer is
 * sampled and mixed over the ones before it in registers, and the piece is blended over the picture below
 * once, as premultiplied colour ({@code GL_ONE, GL_ONE_MINUS_SRC_ALPHA}). On a software rasteriser the blend
 * (reading and writing every pixel) costs about as much as the layer's texture; a run pays it once. A
 * program is compiled for each sequence of layouts it meets (RGB or BGR, with or without alpha, grey), its
 * swizzles written in: llvmpipe runs a shader this simple on its fast path, and falls off it for a channel
 * matrix or a branch. Holds its uniform locations.
 */
final class LayerRunProgram implements AutoCloseable {
    /** The most layers a run draws at once. */
    static final int MOST = 4;

    /** How a layout's texel {@code t} becomes RGBA. */
    private enum Channels {
        RGBA("t"), RGB("vec4(t.rgb, 1.0)"), BGRA("t.bgra"), BGR("vec4(t.bgr, 1.0)"), GREY("vec4(t.rrr, 1.0)");

        final String glsl;

        Channels(String glsl) {
            this.glsl = glsl;
        }

        static Channels of(PixelFormat format) {
            return switch (format) {
                case RGBA32 -> RGBA;
                case RGB24 -> RGB;
                case BGRA32 -> BGRA;
                case BGR24 -> BGR;
                case GRAY8 -> GREY;
                default -> throw new IllegalArgumentException(format + " has more than one plane");
            };
        }
    }

    private static final int KINDS = Channels.values().length;
    /** Where the keys of each number of layers start: one layer, then 2, 3 and 4. */
    private static final int[] FIRST_KEY = new int[MOST + 2];

    static {
        int first = 0;
        for (int layers = 1; layers <= MOST + 1; layers++) {
            FIRST_KEY[layers] = first;
            first += (int) Math.pow(KINDS, layers);
        }
    }

    /** How many programs there can be: one per length and sequence of layouts. */
    static final int KEYS = FIRST_KEY[MOST + 1];

    final ShaderProgram program;
    private final int uQuad;
    private final int[] uImage;
    private final int[] uOpacity;

    private LayerRunProgram(int layers, ShaderProgram program) {
        this.program = program;
        program.use();
        uQuad = program.uniform("u_quad");
        uImage = new int[layers];
        uOpacity = new int[layers];
        for (int i = 0; i < layers; i++) {
            glUniform1i(program.uniform("u_layer" + i), unit(i));
            uImage[i] = program.uniform("u_image" + i);
            uOpacity[i] = program.uniform("u_opacity" + i);
        }
    }

    /** The texture unit layer {@code index} of a run is sampled from. */
    static int unit(int index) {
        return 1 + index;
    }

    /**
     * The program's key for the images of a run's layers that {@code members} names (bit k: image k), in
     * their order (one-plane formats); allocates nothing.
     */
    static int key(LayerImage[] images, int members) {
        int code = 0;
        for (int i = MOST - 1; i >= 0; i--) {
            if ((members & 1 << i) != 0) {
                code = code * KINDS + Channels.of(images[i].format()).ordinal();
            }
        }
        return FIRST_KEY[Integer.bitCount(members)] + code;
    }

    /** Compiles the program of a {@link #key} (render thread, with the GL context current). */
    static LayerRunProgram compile(int key) {
        int layers = 1;
        while (key >= FIRST_KEY[layers + 1]) {
            layers++;
        }
        int code = key - FIRST_KEY[layers];
        StringBuilder vertex = new StringBuilder("""
                #version 330 core
                uniform vec4 u_quad;   // the piece's rectangle on the output: x0, y0, x1, y1 in [0,1], y up
                """);
        StringBuilder fragment = new StringBuilder("""
                #version 330 core
                out vec4 fragColor;
                """);
        StringBuilder place = new StringBuilder();
        StringBuilder mix = new StringBuilder();
        for (int i = 0; i < layers; i++) {
            Channels channels = Channels.values()[code % KINDS];
            code /= KINDS;
            vertex.append("uniform vec4 u_image").append(i).append(";  // image coordinates at (x0, y0) and (x1, y1)\n")
                    .append("out vec2 v_src").append(i).append(";\n");
            place.append("    v_src").append(i).append(" = mix(u_image").append(i).append(".xy, u_image").append(i)
                    .append(".zw, corner);\n");
            fragment.append("in vec2 v_src").append(i).append(";\n")
                    .append("uniform sampler2D u_layer").append(i).append(";\n")
                    .append("uniform float u_opacity").append(i).append(";\n");
            mix.append("    t = texture(u_layer").append(i).append(", v_src").append(i).append(");\n")
                    .append("    s = ").append(channels.glsl).append(";\n")
                    .append("    a = s.a * u_opacity").append(i).append(";\n")
                    .append("    c = mix(c, s.rgb, a);\n")
                    .append("    keep *= 1.0 - a;\n");
        }
        vertex.append("void main() {\n    vec2 corner = ").append(FullscreenQuad.CORNER).append(";\n")
                .append(place)
                .append("    gl_Position = vec4(mix(u_quad.xy, u_quad.zw, corner) * 2.0 - 1.0, 0.0, 1.0);\n}\n");
        fragment.append("void main() {\n    vec4 t;\n    vec4 s;\n    float a;\n    vec3 c = vec3(0.0);\n")
                .append("    float keep = 1.0;  // how much of the picture below still shows\n")
                .append(mix)
                .append("    fragColor = vec4(c, 1.0 - keep);\n}\n");
        return new LayerRunProgram(layers, ShaderProgram.link("layer-run-" + key, vertex.toString(), fragment.toString()));
    }

    /** Sets the rectangle drawn: x0, y0, x1, y1 of the output in [0,1], y up. */
    void setRectangle(float x0, float y0, float x1, float y1) {
        glUniform4f(uQuad, x0, y0, x1, y1);
    }

    /** Sets the image coordinates (at the rectangle's two corners) and opacity of the layer at {@code index} in this program. */
    void setLayer(int index, float[] image, float opacity) {
        glUniform4f(uImage[index], image[0], image[1], image[2], image[3]);
        glUniform1f(uOpacity[index], opacity);
    }

    @Override
    public void close() {
        program.close();
    }
}
