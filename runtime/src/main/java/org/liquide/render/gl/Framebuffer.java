package org.liquide.render.gl;

import static org.lwjgl.opengl.GL11C.GL_RGBA8;
import static org.lwjgl.opengl.GL11C.glViewport;
import static org.lwjgl.opengl.GL30C.*;

/** A framebuffer object drawing into one colour texture. */
public final class Framebuffer implements AutoCloseable {
    private final int id;
    private final Texture2D color;

    public Framebuffer(int width, int height) {
        this(width, height, GL_RGBA8);
    }

    public Framebuffer(int width, int height, int internalFormat) {
        color = new Texture2D();
        color.ensureStorage(width, height, internalFormat);
        id = glGenFramebuffers();
        glBindFramebuffer(GL_FRAMEBUFFER, id);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, org.lwjgl.opengl.GL11C.GL_TEXTURE_2D, color.id(), 0);
        int status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            close();
            throw new GlException("framebuffer " + width + "x" + height + " incomplete: 0x" + Integer.toHexString(status));
        }
    }

    /** Binds for drawing and sets the viewport to the whole texture. */
    public void bindForDrawing() {
        glBindFramebuffer(GL_FRAMEBUFFER, id);
        glViewport(0, 0, color.width(), color.height());
    }

    /** Copies this picture into a framebuffer of the same size: a plain copy, no shader. */
    public void copyInto(Framebuffer target) {
        copyInto(target, 0, 0, width(), height());
    }

    /** Copies the pixels of one rectangle (x, y from the bottom left) into the same place of {@code target}. */
    public void copyInto(Framebuffer target, int x, int y, int width, int height) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, id);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target.id);
        glBlitFramebuffer(x, y, x + width, y + height, x, y, x + width, y + height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }

    public int id() {
        return id;
    }

    public Texture2D color() {
        return color;
    }

    public int width() {
        return color.width();
    }

    public int height() {
        return color.height();
    }

    @Override
    public void close() {
        glDeleteFramebuffers(id);
        color.close();
    }
}
