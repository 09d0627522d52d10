package org.liquide.render.output;

import org.liquide.render.gl.FullscreenTriangle;
import org.liquide.render.gl.ShaderProgram;
import org.liquide.render.gl.Texture2D;

import static org.lwjgl.opengl.GL11C.*;
import static org.lwjgl.opengl.GL13C.GL_TEXTURE0;
import static org.lwjgl.opengl.GL13C.glActiveTexture;
import static org.lwjgl.opengl.GL20C.*;

/**
 * Draws one display's picture: a region of the composited frame, corner-pinned (perspective) and
 * mesh-warped onto the screen, with soft edges where projectors overlap. Draws into whatever
 * framebuffer is bound (a window's, or an offscreen one for previews and tests). Render thread only;
 * allocates nothing per frame.
 */
public final class DisplayRenderer implements AutoCloseable {
    private static final String FRAGMENT_SHADER = """
            in vec2 v_uv;
            out vec4 fragColor;
            uniform sampler2D u_picture;
            uniform mat3 u_inverse;      // display (x, y down) -> picture (u, v down)
            uniform vec4 u_region;       // picture region of the composite: x0, y0, x1, y1 (y down)
            uniform int u_meshColumns;
            uniform int u_meshRows;
            uniform vec2 u_mesh[64];
            uniform vec4 u_edges;        // left, right, top, bottom widths
            uniform vec2 u_edgeShape;    // curve, gamma

            vec2 meshOffset(vec2 p) {
            #if MESH
                vec2 cell = p * vec2(u_meshColumns - 1, u_meshRows - 1);
                ivec2 i0 = ivec2(clamp(floor(cell), vec2(0.0), vec2(u_meshColumns - 2, u_meshRows - 2)));
                vec2 f = clamp(cell - vec2(i0), 0.0, 1.0);
                vec2 a = u_mesh[i0.y * u_meshColumns + i0.x];
                vec2 b = u_mesh[i0.y * u_meshColumns + i0.x + 1];
                vec2 c = u_mesh[(i0.y + 1) * u_meshColumns + i0.x];
                vec2 d = u_mesh[(i0.y + 1) * u_meshColumns + i0.x + 1];
                return mix(mix(a, b, f.x), mix(c, d, f.x), f.y);
            #else
                return vec2(0.0);
            #endif
            }

            float ramp(float t) {
                t = clamp(t, 0.0, 1.0);
                float p = u_edgeShape.x;
                float shaped = t < 0.5 ? 0.5 * pow(2.0 * t, p) : 1.0 - 0.5 * pow(2.0 * (1.0 - t), p);
                return pow(shaped, 1.0 / u_edgeShape.y);
            }

            float edge(float distance, float width) {
                return width > 0.0 ? ramp(distance / width) : 1.0;
            }

            void main() {
                vec3 display = vec3(v_uv.x, 1.0 - v_uv.y, 1.0);
                vec3 mapped = u_inverse * display;
                vec2 p = mapped.xy / mapped.z;
                if (mapped.z <= 0.0 || any(lessThan(p, vec2(0.0))) || any(greaterThan(p, vec2(1.0)))) {
                    fragColor = vec4(0.0, 0.0, 0.0, 1.0);
                    return;
                }
                vec2 q = clamp(p + meshOffset(p), 0.0, 1.0);
                vec2 source = mix(u_region.xy, u_region.zw, q);
                vec3 color = texture(u_picture, vec2(source.x, 1.0 - source.y)).rgb;
            #if EDGES
                color *= edge(p.x, u_edges.x) * edge(1.0 - p.x, u_edges.y) * edge(p.y, u_edges.z) * edge(1.0 - p.y, u_edges.w);
            #endif
                fragColor = vec4(color, 1.0);
            }
            """;

    /** The warp without a mesh or soft edges, with a mesh, with soft edges, with both: see {@link Variant}. */
    private final Variant[] variants = new Variant[4];
    private final FullscreenTriangle triangle = new FullscreenTriangle();
    private final float[] inverse = new float[9];
    private final float[] mesh = new float[128];

    /**
     * The shader compiled with or without the mesh and the soft edges: a software rasteriser runs every
     * branch, and the edges' curves cost more than the rest of the warp, so a display without them does
     * not pay for them.
     */
    private static final class Variant {
        final ShaderProgram program;
        final int uInverse;
        final int uRegion;
        final int uMeshColumns;
        final int uMeshRows;
        final int uMesh;
        final int uEdges;
        final int uEdgeShape;

        Variant(boolean meshed, boolean edged) {
            program = ShaderProgram.link("display warp", FullscreenTriangle.VERTEX_SHADER, "#version 330 core\n#define MESH "
                    + (meshed ? 1 : 0) + "\n#define EDGES " + (edged ? 1 : 0) + "\n" + FRAGMENT_SHADER);
            program.use();
            glUniform1i(program.uniform("u_picture"), 0);
            uInverse = program.uniform("u_inverse");
            uRegion = program.uniform("u_region");
            uMeshColumns = program.uniform("u_meshColumns");
            uMeshRows = program.uniform("u_meshRows");
            uMesh = program.uniform("u_mesh");
            uEdges = program.uniform("u_edges");
            uEdgeShape = program.uniform("u_edgeShape");
        }
    }

    public DisplayRenderer() {
        for (int v = 0; v < variants.length; v++) {
            variants[v] = new Variant((v & 1) != 0, (v & 2) != 0);
        }
    }

    /**
     * Draws into the bound framebuffer, over a viewport of the given size.
     *
     * @param region x0, y0, x1, y1 of the composite this display shows, y down
     */
    public void draw(Texture2D picture, float[] region, Warp warp, SoftEdge edges, int width, int height) {
        glViewport(0, 0, width, height);
        glDisable(GL_BLEND);
        int columns = warp.meshColumns();
        boolean edged = edges.left() > 0 || edges.right() > 0 || edges.top() > 0 || edges.bottom() > 0;
        Variant variant = variants[(columns >= 2 ? 1 : 0) + (edged ? 2 : 0)];
        ShaderProgram program = variant.program;
        program.use();
        warp.inverseHomography(inverse);
        glUniformMatrix3fv(variant.uInverse, true, inverse);
        glUniform4f(variant.uRegion, region[0], region[1], region[2], region[3]);
        glUniform1i(variant.uMeshColumns, columns);
        glUniform1i(variant.uMeshRows, warp.meshRows());
        if (columns >= 2) {
            double[] offsets = warp.meshOffsets();
            for (int i = 0; i < offsets.length; i++) {
                mesh[i] = (float) offsets[i];
            }
            glUniform2fv(variant.uMesh, mesh);
        }
        glUniform4f(variant.uEdges, (float) edges.left(), (float) edges.right(), (float) edges.top(), (float) edges.bottom());
        glUniform2f(variant.uEdgeShape, (float) edges.curve(), (float) edges.gamma());
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, picture.id());
        triangle.draw();
    }

    @Override
    public void close() {
        triangle.close();
        for (Variant variant : variants) {
            variant.program.close();
        }
    }
}
