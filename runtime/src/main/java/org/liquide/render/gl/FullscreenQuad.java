package org.liquide.render.gl;

import static org.lwjgl.opengl.GL11C.GL_TRIANGLE_STRIP;
import static org.lwjgl.opengl.GL11C.glDrawArrays;
import static org.lwjgl.opengl.GL30C.*;

/**
 * Covers the viewport with a quad of four corners from gl_VertexID, drawn as a triangle strip: corner
 * {@code i} is {@code (i & 1, i >> 1)} in [0,1]². ISF draws this way, so a vertex shader sees its
 * coordinates exactly at the picture's corners (one oversized triangle would give it 2 at two corners,
 * and ISF vertex shaders that clamp coordinates to [0,1] would then interpolate wrong values).
 * No vertex buffer is needed; core profiles still require a bound vertex array.
 */
public final class FullscreenQuad implements AutoCloseable {
    /** The corner of vertex {@code gl_VertexID}, for a vertex shader drawn by {@link #draw}. */
    public static final String CORNER = "vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1))";

    private final int vertexArray;

    public FullscreenQuad() {
        vertexArray = glGenVertexArrays();
    }

    public void draw() {
        glBindVertexArray(vertexArray);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    }

    @Override
    public void close() {
        glDeleteVertexArrays(vertexArray);
    }
}
