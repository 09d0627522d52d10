package org.liquide.render.gl;

import static org.lwjgl.opengl.GL11C.GL_TRIANGLES;
import static org.lwjgl.opengl.GL11C.glDrawArrays;
import static org.lwjgl.opengl.GL30C.*;

/**
 * Covers the viewport with one triangle whose corners come from gl_VertexID (see {@link #VERTEX_SHADER}),
 * so no vertex buffer is needed; core profiles still require a bound vertex array.
 */
public final class FullscreenTriangle implements AutoCloseable {
    /** Passes {@code v_uv} in [0,1]² over the viewport, (0,0) at the bottom left. */
    public static final String VERTEX_SHADER = """
            #version 330 core
            out vec2 v_uv;
            void main() {
                vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
                v_uv = corner;
                gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
            }
            """;

    private final int vertexArray;

    public FullscreenTriangle() {
        vertexArray = glGenVertexArrays();
    }

    public void draw() {
        glBindVertexArray(vertexArray);
        glDrawArrays(GL_TRIANGLES, 0, 3);
    }

    @Override
    public void close() {
        glDeleteVertexArrays(vertexArray);
    }
}
